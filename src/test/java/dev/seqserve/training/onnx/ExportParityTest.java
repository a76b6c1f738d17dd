package dev.seqserve.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.training.nn.CellType;
import dev.seqserve.training.nn.ForecastConfig;
import dev.seqserve.training.nn.ForecastNet;
import dev.seqserve.training.nn.Param;
import dev.seqserve.training.nn.SentimentConfig;
import dev.seqserve.training.nn.SentimentNet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trainer's own forward pass and ONNX Runtime on the exported file agree to 1e-5. */
class ExportParityTest {

    /** Mixed lengths, including 1 and the full padded length of 40. */
    private static final int[] LENGTHS = {1, 40, 17, 3, 40, 28, 1, 9};

    @ParameterizedTest(name = "{0}, bidirectional {1}")
    @CsvSource({"LSTM, false", "LSTM, true", "GRU, false", "GRU, true"})
    void sentimentNetAndOnnxRuntimeAgreeOnReviewsOfDifferentLengths(CellType cell, boolean bidirectional)
            throws OrtException {
        SentimentNet net = new SentimentNet(new SentimentConfig(cell, 50, 12, 16, bidirectional, 0.3f, 5));
        Random random = new Random(31);
        perturb(net.params(), random);
        int[][] tokens = new int[LENGTHS.length][];
        long[][] padded = new long[LENGTHS.length][40];
        for (int b = 0; b < LENGTHS.length; b++) {
            tokens[b] = random.ints(LENGTHS[b], 2, 50).toArray();
            for (int t = 0; t < LENGTHS[b]; t++) {
                padded[b][t] = tokens[b][t];
            }
        }

        float[] trainer = net.predict(tokens);
        float[] onnx;
        try (OrtSession session = OrtRuns.session(OnnxExporter.sentiment(NetExports.sentiment(net), Map.of()))) {
            onnx = OrtRuns.sentiment(session, padded, LENGTHS);
        }

        assertThat(onnx).containsExactly(trainer, within(1e-5f));
        System.out.printf("parity sentiment %s (bidirectional %s): max |ORT - trainer| = %.3g%n", cell, bidirectional,
                maxDiff(onnx, trainer));
    }

    @ParameterizedTest(name = "{0} with {1} layer(s)")
    @CsvSource({"LSTM, 1", "LSTM, 2", "GRU, 1", "GRU, 2"})
    void forecastNetAndOnnxRuntimeAgreeOnWindowsOfDifferentLengths(CellType cell, int layers) throws OrtException {
        ForecastNet net = new ForecastNet(new ForecastConfig(cell, 3, 16, layers, 7, 0.2f, 6));
        Random random = new Random(32);
        perturb(net.params(), random);
        float[][][] series = new float[LENGTHS.length][40][3];
        for (float[][] window : series) {
            for (float[] step : window) {
                for (int f = 0; f < step.length; f++) {
                    step[f] = (float) random.nextGaussian();
                }
            }
        }

        float[][] trainer = net.predict(series, LENGTHS);
        float[][] onnx;
        try (OrtSession session = OrtRuns.session(OnnxExporter.forecast(NetExports.forecast(net), Map.of()))) {
            onnx = OrtRuns.forecast(session, series, LENGTHS);
        }

        double maxDiff = 0;
        for (int b = 0; b < LENGTHS.length; b++) {
            assertThat(onnx[b]).as("window %d of length %d", b, LENGTHS[b]).containsExactly(trainer[b], within(1e-5f));
            maxDiff = Math.max(maxDiff, maxDiff(onnx[b], trainer[b]));
        }
        System.out.printf("parity forecast %s x%d: max |ORT - trainer| = %.3g%n", cell, layers, maxDiff);
    }

    /** Moves every weight off its initial value, so zero biases and an open forget gate hide nothing. */
    private static void perturb(List<Param> params, Random random) {
        for (Param p : params) {
            float[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) ((random.nextDouble() * 2 - 1) * 0.3);
            }
        }
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
