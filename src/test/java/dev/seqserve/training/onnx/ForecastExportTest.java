package dev.seqserve.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForecastExportTest {

    private static final int FEATURES = 2;
    private static final int OUTPUTS = 3;

    @ParameterizedTest(name = "{0} with {1} layer(s)")
    @CsvSource({"LSTM, 1", "LSTM, 2", "GRU, 1", "GRU, 2"})
    void onnxRuntimeMatchesTheReferenceOnSeriesOfDifferentLengths(String op, int depth) throws OrtException {
        RandomGraphs random = new RandomGraphs(21 + depth);
        ForecastGraph graph = random.forecast(op, FEATURES, Arrays.copyOf(new int[] {5, 3}, depth), OUTPUTS);
        int[] lengths = {1, 8, 3, 8, 5, 1};
        float[][][] series = random.series(lengths.length, 8, FEATURES);

        float[][] actual;
        try (OrtSession session = OrtRuns.session(OnnxExporter.forecast(graph, Map.of()))) {
            actual = OrtRuns.forecast(session, series, lengths);
        }

        assertThat(actual).hasNumberOfRows(lengths.length);
        double maxDiff = 0;
        for (int b = 0; b < lengths.length; b++) {
            double[] expected = ReferenceForward.forecast(graph, series[b], lengths[b]);
            assertThat(actual[b]).hasSize(OUTPUTS);
            for (int o = 0; o < OUTPUTS; o++) {
                assertThat((double) actual[b][o]).as("series %d of length %d, output %d", b, lengths[b], o)
                        .isCloseTo(expected[o], within(1e-5));
                maxDiff = Math.max(maxDiff, Math.abs(actual[b][o] - expected[o]));
            }
        }
        System.out.printf("forecast %s x%d: max |ORT - reference| = %.3g%n", op, depth, maxDiff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSTM", "GRU"})
    void aSeriesForecastsTheSameAloneAndPaddedInALongerBatch(String op) throws OrtException {
        RandomGraphs random = new RandomGraphs(23);
        ForecastGraph graph = random.forecast(op, FEATURES, new int[] {4, 4}, OUTPUTS);
        float[][][] batch = random.series(3, 10, FEATURES);
        int[] lengths = {10, 4, 7};
        float[][][] alone = {Arrays.copyOf(batch[1], 4)};

        try (OrtSession session = OrtRuns.session(OnnxExporter.forecast(graph, Map.of()))) {
            float[] inBatch = OrtRuns.forecast(session, batch, lengths)[1];
            float[] single = OrtRuns.forecast(session, alone, new int[] {4})[0];

            assertThat(inBatch).containsExactly(single, within(1e-6f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSTM", "GRU"})
    void anEnsembleGraphOutputsTheMeanOfItsMembersReferenceForwards(String op) throws OrtException {
        RandomGraphs random = new RandomGraphs(29);
        List<ForecastGraph> members = List.of(random.forecast(op, FEATURES, new int[] {4, 3}, OUTPUTS),
                random.forecast(op, FEATURES, new int[] {4, 3}, OUTPUTS),
                random.forecast(op, FEATURES, new int[] {4, 3}, OUTPUTS));
        int[] lengths = {6, 2, 6};
        float[][][] series = random.series(lengths.length, 6, FEATURES);

        float[][] actual;
        try (OrtSession session = OrtRuns.session(OnnxExporter.forecast(members, Map.of()))) {
            actual = OrtRuns.forecast(session, series, lengths);
        }

        for (int b = 0; b < lengths.length; b++) {
            for (int o = 0; o < OUTPUTS; o++) {
                double mean = 0;
                for (ForecastGraph m : members) {
                    mean += ReferenceForward.forecast(m, series[b], lengths[b])[o] / members.size();
                }
                assertThat((double) actual[b][o]).as("series %d output %d", b, o).isCloseTo(mean, within(1e-5));
            }
            double first = ReferenceForward.forecast(members.get(0), series[b], lengths[b])[0];
            assertThat((double) actual[b][0]).as("the mean, not the first member").isNotCloseTo(first, within(1e-3));
        }
    }
}
