package dev.seqserve.training.nn;

import java.util.SplittableRandom;

/** Deterministic weight initialisers driven by one seeded generator, so a seed fixes every starting weight. */
final class Init {

    private Init() {
    }

    /** Uniform in ±√(6 / (fanIn + fanOut)) over a [rows × cols] block starting at {@code off}. */
    static void xavier(float[] w, int off, int rows, int cols, SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (rows + cols));
        for (int i = 0; i < rows * cols; i++) {
            w[off + i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
    }

    /** Uniform in ±limit over {@code len} entries from {@code off}. */
    static void uniform(float[] w, int off, int len, double limit, SplittableRandom random) {
        for (int i = 0; i < len; i++) {
            w[off + i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
    }

    /**
     * An orthogonal [n × n] block at {@code off} (Gram–Schmidt on Gaussian rows): it neither grows nor shrinks
     * the hidden state, which keeps gradients alive over the 400-step reviews.
     */
    static void orthogonal(float[] w, int off, int n, SplittableRandom random) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = random.nextGaussian();
            }
            for (int k = 0; k < i; k++) {
                double d = 0;
                for (int j = 0; j < n; j++) {
                    d += rows[i][j] * rows[k][j];
                }
                for (int j = 0; j < n; j++) {
                    rows[i][j] -= d * rows[k][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += rows[i][j] * rows[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < n; j++) {
                rows[i][j] /= norm;
                w[off + i * n + j] = (float) rows[i][j];
            }
        }
    }
}
