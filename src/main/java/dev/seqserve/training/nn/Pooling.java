package dev.seqserve.training.nn;

/**
 * Mean and max over each example's real steps of packed RNN outputs, concatenated as [mean ‖ max] (2·H per
 * example); padding has no rows in the packed layout, so it can never win the max or dilute the mean.
 */
final class Pooling {

    private Pooling() {
    }

    /**
     * @param h      packed outputs [rows × H]
     * @param out    receives [batch × 2H]
     * @param argmax receives, per example and unit, the step that won the max [batch × H]
     */
    static void forward(Packing p, float[] h, int hid, float[] out, int[] argmax) {
        for (int q = 0; q < p.batch(); q++) {
            int len = p.length(q);
            int mean = q * 2 * hid;
            int max = mean + hid;
            System.arraycopy(h, p.row(0, q) * hid, out, mean, hid);
            System.arraycopy(h, p.row(0, q) * hid, out, max, hid);
            java.util.Arrays.fill(argmax, q * hid, (q + 1) * hid, 0);
            for (int t = 1; t < len; t++) {
                int r = p.row(t, q) * hid;
                VectorMath.add(h, r, out, mean, hid);
                for (int j = 0; j < hid; j++) {
                    if (h[r + j] > out[max + j]) {
                        out[max + j] = h[r + j];
                        argmax[q * hid + j] = t;
                    }
                }
            }
            float scale = 1f / len;
            for (int j = 0; j < hid; j++) {
                out[mean + j] *= scale;
            }
        }
    }

    /** Adds the gradient of [mean ‖ max] ({@code dOut} [batch × 2H]) into the packed output gradient dh. */
    static void backward(Packing p, int hid, float[] dOut, int[] argmax, float[] dh) {
        for (int q = 0; q < p.batch(); q++) {
            int len = p.length(q);
            int mean = q * 2 * hid;
            float scale = 1f / len;
            for (int t = 0; t < len; t++) {
                VectorMath.axpy(scale, dOut, mean, dh, p.row(t, q) * hid, hid);
            }
            for (int j = 0; j < hid; j++) {
                dh[p.row(argmax[q * hid + j], q) * hid + j] += dOut[mean + hid + j];
            }
        }
    }
}
