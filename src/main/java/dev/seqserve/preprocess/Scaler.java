package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.util.Locale;
import java.util.Map;

/** An affine map between a series' values and the range a network trains well on, fitted on the train split. */
public sealed interface Scaler permits StandardScaler, MinMaxScaler, IdentityScaler {

    /** Maps a value into the model's range. */
    double scale(double value);

    /** Maps a model-range value back. */
    double unscale(double scaled);

    /** The factor a difference of two values is divided by: {@code scale(a) - scale(b) == (a - b) / spread()}. */
    double spread();

    /** The fitted scaler as the manifest records it. */
    Manifest.Scaler toManifest();

    /**
     * Fits a scaler of the given kind.
     *
     * @param kind {@value StandardScaler#KIND}, {@value MinMaxScaler#KIND} or {@value IdentityScaler#KIND}
     * @param values the training values only
     */
    static Scaler fit(String kind, double[] values) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case StandardScaler.KIND -> StandardScaler.fit(values);
            case MinMaxScaler.KIND -> MinMaxScaler.fit(values);
            case IdentityScaler.KIND -> IdentityScaler.INSTANCE;
            default -> throw new IllegalArgumentException("unknown scaler kind \"" + kind + "\"");
        };
    }

    /**
     * Rebuilds a fitted scaler from a manifest.
     *
     * @throws IllegalArgumentException if the kind is unknown or a parameter is missing or invalid
     */
    static Scaler fromManifest(Manifest.Scaler scaler) {
        Map<String, Double> p = scaler.parameters();
        return switch (scaler.kind() == null ? "" : scaler.kind().toLowerCase(Locale.ROOT)) {
            case StandardScaler.KIND -> new StandardScaler(parameter(p, "mean"), parameter(p, "std"));
            case MinMaxScaler.KIND -> new MinMaxScaler(parameter(p, "min"), parameter(p, "max"));
            case IdentityScaler.KIND -> IdentityScaler.INSTANCE;
            default -> throw new IllegalArgumentException("unknown scaler kind \"" + scaler.kind() + "\"");
        };
    }

    private static double parameter(Map<String, Double> parameters, String name) {
        Double value = parameters.get(name);
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("scaler parameter \"" + name + "\" is missing or not finite");
        }
        return value;
    }
}
