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
}
