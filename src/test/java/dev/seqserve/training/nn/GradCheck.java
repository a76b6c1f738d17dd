package dev.seqserve.training.nn;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Central finite differences against analytic gradients, in single precision.
 *
 * <p>The error of one entry is |a − n| / max(|a| + |n|, FLOOR): relative for ordinary gradients, absolute (scaled
 * by 1/FLOOR) for near-zero ones, where float rounding in the loss dominates the difference quotient.
 */
final class GradCheck {

    static final double EPS = 1e-2;
    static final double FLOOR = 1e-3;
    static final double TOLERANCE = 1e-2;

    private GradCheck() {
    }

    static double error(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), FLOOR);
    }

    /**
     * Checks up to {@code samples} random entries of {@code values} (all of them when fewer).
     *
     * @param values   the array the loss reads, perturbed in place and restored
     * @param analytic the gradient claimed for it
     * @param loss     recomputes the loss from the current values
     * @return the worst error seen
     */
    static double worst(float[] values, float[] analytic, DoubleSupplier loss, int samples, SplittableRandom random) {
        return worst(values, analytic, loss, samples, random, EPS);
    }

    /** As above with step {@code eps}; networks with max pooling need a step too small to move the max. */
    static double worst(float[] values, float[] analytic, DoubleSupplier loss, int samples, SplittableRandom random,
                        double eps) {
        double worst = 0;
        int count = Math.min(samples, values.length);
        for (int k = 0; k < count; k++) {
            int i = values.length <= samples ? k : random.nextInt(values.length);
            float saved = values[i];
            float up = (float) (saved + eps);
            float down = (float) (saved - eps);
            values[i] = up;
            double plus = loss.getAsDouble();
            values[i] = down;
            double minus = loss.getAsDouble();
            values[i] = saved;
            // Divide by the step float arithmetic actually took, not the nominal 2·EPS.
            double numeric = (plus - minus) / ((double) up - down);
            worst = Math.max(worst, error(analytic[i], numeric));
        }
        return worst;
    }

    static float[] randomArray(int size, SplittableRandom random, double scale) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return a;
    }
}
