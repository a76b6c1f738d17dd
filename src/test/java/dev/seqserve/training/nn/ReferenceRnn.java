package dev.seqserve.training.nn;

/**
 * A deliberately naive, double-precision transcription of the ONNX LSTM and GRU operator equations (one
 * direction, layout 0, {@code sequence_lens}), used as an independent oracle for the packed kernels.
 */
final class ReferenceRnn {

    /** Y [batch][T][H] (zero past each length) and Y_h [batch][H]. */
    record Output(double[][][] y, double[][] last) {
    }

    private ReferenceRnn() {
    }

    static Output run(CellType cell, float[] w, float[] r, float[] b, int hid, float[][][] x, int[] lengths) {
        int batch = x.length;
        int steps = x[0].length;
        int in = x[0][0].length;
        int g = cell.gates() * hid;
        double[][][] y = new double[batch][steps][hid];
        double[][] last = new double[batch][hid];
        for (int e = 0; e < batch; e++) {
            double[] h = new double[hid];
            double[] c = new double[hid];
            for (int t = 0; t < lengths[e]; t++) {
                double[] xw = new double[g];
                double[] hr = new double[g];
                for (int k = 0; k < g; k++) {
                    xw[k] = b[k];
                    hr[k] = b[g + k];
                    for (int i = 0; i < in; i++) {
                        xw[k] += w[k * in + i] * (double) x[e][t][i];
                    }
                    for (int i = 0; i < hid; i++) {
                        hr[k] += r[k * hid + i] * h[i];
                    }
                }
                double[] next = new double[hid];
                for (int j = 0; j < hid; j++) {
                    if (cell == CellType.LSTM) {
                        double gi = sigmoid(xw[j] + hr[j]);
                        double go = sigmoid(xw[hid + j] + hr[hid + j]);
                        double gf = sigmoid(xw[2 * hid + j] + hr[2 * hid + j]);
                        double gc = Math.tanh(xw[3 * hid + j] + hr[3 * hid + j]);
                        c[j] = gf * c[j] + gi * gc;
                        next[j] = go * Math.tanh(c[j]);
                    } else {
                        double z = sigmoid(xw[j] + hr[j]);
                        double rr = sigmoid(xw[hid + j] + hr[hid + j]);
                        double cand = Math.tanh(xw[2 * hid + j] + rr * hr[2 * hid + j]);
                        next[j] = (1 - z) * cand + z * h[j];
                    }
                }
                h = next;
                y[e][t] = h.clone();
            }
            last[e] = h;
        }
        return new Output(y, last);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
