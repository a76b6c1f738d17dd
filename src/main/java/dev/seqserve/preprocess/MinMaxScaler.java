package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.util.Map;

/**
 * Maps the training minimum to 0 and the training maximum to 1; later values may fall outside.
 *
 * @param min the training minimum
 * @param max the training maximum, above {@code min}
 */
public record MinMaxScaler(double min, double max) implements Scaler {

    /** The manifest's name for this scaler. */
    public static final String KIND = "minmax";

    public MinMaxScaler {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("a min-max scaler needs finite min < max, got " + min + " and " + max);
        }
    }

    /**
     * @param values the training values only
     * @return the fitted scaler; a constant series gets a range of 1 so that scaling stays defined
     */
    public static MinMaxScaler fit(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot fit a scaler to no values");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new MinMaxScaler(min, max > min ? max : min + 1);
    }

    @Override
    public double scale(double value) {
        return (value - min) / (max - min);
    }

    @Override
    public double unscale(double scaled) {
        return scaled * (max - min) + min;
    }

    @Override
    public double spread() {
        return max - min;
    }

    @Override
    public Manifest.Scaler toManifest() {
        return new Manifest.Scaler(KIND, Map.of("min", min, "max", max));
    }
}
