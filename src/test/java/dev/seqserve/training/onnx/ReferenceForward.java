package dev.seqserve.training.onnx;

/**
 * A scalar double-precision forward pass written from the ONNX operator definitions, independent of
 * the exporter: LSTM gates {@code i, o, f, c}; GRU gates {@code z, r, h} with {@code linear_before_reset = 1};
 * only the first {@code length} steps of a sequence are read.
 */
final class ReferenceForward {

    private ReferenceForward() {}

    /** The probability of the positive class for one review of {@code length} real tokens. */
    static double sentiment(SentimentGraph s, long[] ids, int length) {
        double[][] xs = new double[length][s.embeddingDim()];
        for (int t = 0; t < length; t++) {
            for (int e = 0; e < s.embeddingDim(); e++) {
                xs[t][e] = s.embedding()[(int) ids[t] * s.embeddingDim() + e];
            }
        }
        double[][] hs = states(s.recurrent(), xs);
        int h = s.recurrent().hidden();
        double[] pooled = new double[2 * h];
        for (int j = 0; j < h; j++) {
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] step : hs) {
                sum += step[j];
                max = Math.max(max, step[j]);
            }
            pooled[j] = sum / length;
            pooled[h + j] = max;
        }
        return sigmoid(dense(s.dense(), pooled)[0]);
    }

    /** The forecast for one series of {@code length} real steps, {@code series[t][feature]}. */
    static double[] forecast(ForecastGraph f, float[][] series, int length) {
        double[][] xs = new double[length][];
        for (int t = 0; t < length; t++) {
            xs[t] = new double[f.features()];
            for (int i = 0; i < f.features(); i++) {
                xs[t][i] = series[t][i];
            }
        }
        for (RecurrentWeights layer : f.layers()) {
            xs = states(layer, xs);
        }
        return dense(f.dense(), xs[length - 1]);
    }

    /** The hidden state after every step, starting from zeros. */
    static double[][] states(RecurrentWeights rw, double[][] xs) {
        int hidden = rw.hidden();
        double[] h = new double[hidden];
        double[] c = new double[hidden];
        double[][] out = new double[xs.length][];
        for (int t = 0; t < xs.length; t++) {
            h = rw.op().equals("LSTM") ? lstmStep(rw, xs[t], h, c) : gruStep(rw, xs[t], h);
            out[t] = h;
        }
        return out;
    }

    private static double[] lstmStep(RecurrentWeights rw, double[] x, double[] hPrev, double[] c) {
        int hidden = rw.hidden();
        double[] h = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double i = sigmoid(gate(rw, 0, j, x, hPrev));
            double o = sigmoid(gate(rw, 1, j, x, hPrev));
            double f = sigmoid(gate(rw, 2, j, x, hPrev));
            double candidate = Math.tanh(gate(rw, 3, j, x, hPrev));
            c[j] = f * c[j] + i * candidate;
            h[j] = o * Math.tanh(c[j]);
        }
        return h;
    }

    private static double[] gruStep(RecurrentWeights rw, double[] x, double[] hPrev) {
        int hidden = rw.hidden();
        double[] h = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double z = sigmoid(gate(rw, 0, j, x, hPrev));
            double r = sigmoid(gate(rw, 1, j, x, hPrev));
            // linear_before_reset = 1: the reset gate scales (R_h h + Rb_h), not h.
            double recurrent = dot(rw.r(), (2 * hidden + j) * hidden, hPrev) + rw.b()[3 * hidden + 2 * hidden + j];
            double input = dot(rw.w(), (2 * hidden + j) * rw.inputSize(), x) + rw.b()[2 * hidden + j];
            double candidate = Math.tanh(input + r * recurrent);
            h[j] = (1 - z) * candidate + z * hPrev[j];
        }
        return h;
    }

    /** {@code W_g x + R_g h + Wb_g + Rb_g} for unit {@code j} of gate block {@code g}. */
    private static double gate(RecurrentWeights rw, int g, int j, double[] x, double[] h) {
        int hidden = rw.hidden();
        int row = g * hidden + j;
        return dot(rw.w(), row * rw.inputSize(), x) + dot(rw.r(), row * hidden, h)
                + rw.b()[row] + rw.b()[rw.gates() * hidden + row];
    }

    private static double[] dense(DenseWeights d, double[] x) {
        double[] y = new double[d.outputs()];
        for (int o = 0; o < d.outputs(); o++) {
            y[o] = dot(d.w(), o * d.inputs(), x) + d.b()[o];
        }
        return y;
    }

    private static double dot(float[] m, int offset, double[] v) {
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            sum += m[offset + k] * v[k];
        }
        return sum;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
