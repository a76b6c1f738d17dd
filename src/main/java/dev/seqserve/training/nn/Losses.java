package dev.seqserve.training.nn;

/** Per-example losses and their gradients, in the numerically stable forms. */
final class Losses {

    private Losses() {
    }

    /** σ(z) without overflow for large |z|. */
    static float sigmoid(float z) {
        if (z >= 0) {
            return (float) (1.0 / (1.0 + StrictMath.exp(-z)));
        }
        double e = StrictMath.exp(z);
        return (float) (e / (1.0 + e));
    }

    /** Binary cross-entropy of label y ∈ [0, 1] given logit z: max(z, 0) − z·y + log(1 + e^−|z|). */
    static double bceWithLogits(float z, float y) {
        return Math.max(z, 0.0) - (double) z * y + StrictMath.log1p(StrictMath.exp(-Math.abs((double) z)));
    }

    /** d BCE / dz = σ(z) − y. */
    static float bceGradient(float z, float y) {
        return sigmoid(z) - y;
    }

    /** Sum of squared errors over one example's outputs (the mean is taken by the caller). */
    static double squaredError(float[] prediction, int pOff, float[] target, int len) {
        double sum = 0;
        for (int i = 0; i < len; i++) {
            double d = (double) prediction[pOff + i] - target[i];
            sum += d * d;
        }
        return sum;
    }
}
