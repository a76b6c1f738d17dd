package dev.seqserve.training.nn;

import java.util.SplittableRandom;

/**
 * Inverted dropout for training: keeps each unit with probability 1 − rate and scales it by 1 / (1 − rate), so
 * inference (and the exported ONNX graph) simply leaves it out.
 *
 * <p>The mask of an example comes from its own generator keyed by the seed, the training call and the example's
 * position in the batch, so it does not depend on how the batch is split across threads.
 */
final class Dropout {

    private Dropout() {
    }

    /** Fills {@code mask[off..+len)} with 0 or 1/(1−rate); all ones when rate is 0. */
    static void mask(float rate, long seed, long call, int example, float[] mask, int off, int len) {
        if (rate <= 0f) {
            java.util.Arrays.fill(mask, off, off + len, 1f);
            return;
        }
        float keep = 1f / (1f - rate);
        SplittableRandom random = new SplittableRandom(mix(mix(seed, call), example));
        for (int i = 0; i < len; i++) {
            mask[off + i] = random.nextFloat() < rate ? 0f : keep;
        }
    }

    /** x ⊙= mask over len elements (forward and backward alike). */
    static void apply(float[] x, int xOff, float[] mask, int maskOff, int len) {
        for (int i = 0; i < len; i++) {
            x[xOff + i] *= mask[maskOff + i];
        }
    }

    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
