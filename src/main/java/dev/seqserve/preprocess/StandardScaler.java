package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.util.Map;

/**
 * Subtracts the training mean and divides by the training standard deviation.
 *
 * @param mean the training mean
 * @param std the training (population) standard deviation, positive
 */
public record StandardScaler(double mean, double std) implements Scaler {

    /** The manifest's name for this scaler. */
    public static final String KIND = "standard";

    public StandardScaler {
        if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("a standard scaler needs a finite mean and a positive std, got "
                    + mean + " and " + std);
        }
    }

    /**
     * @param values the training values only
     * @return the fitted scaler; a constant series gets std 1 so that scaling stays defined
     */
    public static StandardScaler fit(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot fit a scaler to no values");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / values.length);
        return new StandardScaler(mean, std > 1e-12 ? std : 1);
    }

    @Override
    public double scale(double value) {
        return (value - mean) / std;
    }

    @Override
    public double unscale(double scaled) {
        return scaled * std + mean;
    }

    @Override
    public double spread() {
        return std;
    }

    @Override
    public Manifest.Scaler toManifest() {
        return new Manifest.Scaler(KIND, Map.of("mean", mean, "std", std));
    }
}
