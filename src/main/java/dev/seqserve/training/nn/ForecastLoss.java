package dev.seqserve.training.nn;

import java.util.Locale;

/** What a {@link ForecastNet} minimises over its outputs, in model space. */
public enum ForecastLoss {
    /** Mean squared error: the network learns the conditional mean. */
    SQUARED("MSE"),
    /** Mean absolute error: the network learns the conditional median, which minimises a forecast's MAE. */
    ABSOLUTE("MAE");

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
            double d = (double) prediction[pOff + i] - target[i];
            sum += this == SQUARED ? d * d : Math.abs(d);
        }
        return sum;
    }

    /** The derivative of {@link #of} by one prediction whose error is {@code d}, times {@code scale}. */
    float gradient(float d, float scale) {
        return this == SQUARED ? 2 * d * scale : Math.signum(d) * scale;
    }
}
