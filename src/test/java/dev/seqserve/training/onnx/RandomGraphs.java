package dev.seqserve.training.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random weights and batches for the export tests. */
final class RandomGraphs {

    private final Random random;

    RandomGraphs(long seed) {
        this.random = new Random(seed);
    }

    SentimentGraph sentiment(String op, int vocabulary, int embedding, int hidden) {
        return new SentimentGraph(vocabulary, embedding, floats(vocabulary * embedding, 1.0),
                recurrent(op, embedding, hidden), dense(2 * hidden, 1));
    }

    ForecastGraph forecast(String op, int features, int[] hidden, int outputs) {
        List<RecurrentWeights> layers = new ArrayList<>();
        int width = features;
        for (int h : hidden) {
            layers.add(recurrent(op, width, h));
            width = h;
        }
        return new ForecastGraph(features, layers, dense(width, outputs));
    }

    RecurrentWeights recurrent(String op, int inputSize, int hidden) {
        int gates = op.equals("LSTM") ? 4 : 3;
        return new RecurrentWeights(op, inputSize, hidden, floats(gates * hidden * inputSize, 0.6),
                floats(gates * hidden * hidden, 0.6), floats(2 * gates * hidden, 0.4));
    }

    DenseWeights dense(int inputs, int outputs) {
        return new DenseWeights(inputs, outputs, floats(inputs * outputs, 0.8), floats(outputs, 0.3));
    }

    /** Token ids {@code [batch, time]}; the padded tail holds arbitrary ids, which must not matter. */
    long[][] tokenIds(int batch, int time, int vocabulary) {
        long[][] ids = new long[batch][time];
        for (long[] row : ids) {
            for (int t = 0; t < time; t++) {
                row[t] = random.nextInt(vocabulary);
            }
        }
        return ids;
    }

    /** Values {@code [batch, time, features]}, the padded tail included. */
    float[][][] series(int batch, int time, int features) {
        float[][][] x = new float[batch][time][];
        for (float[][] row : x) {
            for (int t = 0; t < time; t++) {
                row[t] = floats(features, 2.0);
            }
        }
        return x;
    }

    private float[] floats(int n, double scale) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return values;
    }
}
