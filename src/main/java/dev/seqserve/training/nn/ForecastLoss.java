package dev.seqserve.training.nn;

import java.util.Locale;

/** What a {@link ForecastNet} minimises over its outputs, in model space. */
public enum ForecastLoss {
    /** Mean squared error: the network learns the conditional mean. */
    SQUARED("MSE") {
        @Override
        double of(double error) {
            return error * error;
        }

        @Override
        float gradient(float error, float scale) {
            return 2 * error * scale;
        }
    },
    /** Mean absolute error: the network learns the conditional median, which minimises a forecast's MAE. */
    ABSOLUTE("MAE") {
        @Override
        double of(double error) {
            return Math.abs(error);
        }

        @Override
        float gradient(float error, float scale) {
            return Math.signum(error) * scale;
        }
    };

    private final String label;

    ForecastLoss(String label) {
        this.label = label;
    }

    /** {@code MSE} or {@code MAE}, as reports name the loss. */
    public String label() {
        return label;
    }

    /** Parses {@code squared} or {@code absolute}, in any case. */
    public static ForecastLoss parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--loss must be squared or absolute, got '" + name + "'", e);
        }
    }

    /** This loss of one example's outputs, summed (the caller takes the mean). */
    double of(float[] prediction, int pOff, float[] target, int len) {
        double sum = 0;
        for (int i = 0; i < len; i++) {
            sum += of((double) prediction[pOff + i] - target[i]);
        }
        return sum;
    }

    /** This loss of one output whose error (prediction − target) is {@code error}. */
    abstract double of(double error);

    /** The derivative of the loss by one prediction whose error is {@code error}, times {@code scale}. */
    abstract float gradient(float error, float scale);
}
