package dev.seqserve.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentimentExportTest {

    private static final int VOCABULARY = 23;
    private static final int EMBEDDING = 4;
    private static final int HIDDEN = 5;

    @ParameterizedTest
    @ValueSource(strings = {"LSTM", "GRU"})
    void onnxRuntimeMatchesTheReferenceOnSequencesOfDifferentLengths(String op) throws OrtException {
        RandomGraphs random = new RandomGraphs(11);
        SentimentGraph graph = random.sentiment(op, VOCABULARY, EMBEDDING, HIDDEN);
        int[] lengths = {1, 9, 4, 7, 2, 9, 1};
        long[][] ids = random.tokenIds(lengths.length, 9, VOCABULARY);

        float[] actual;
        try (OrtSession session = OrtRuns.session(OnnxExporter.sentiment(graph, Map.of()))) {
            actual = OrtRuns.sentiment(session, ids, lengths);
        }

        assertThat(actual).hasSize(lengths.length);
        double maxDiff = 0;
        for (int b = 0; b < lengths.length; b++) {
            double expected = ReferenceForward.sentiment(graph, ids[b], lengths[b]);
            assertThat((double) actual[b]).as("sequence %d of length %d", b, lengths[b]).isCloseTo(expected, within(1e-5));
            maxDiff = Math.max(maxDiff, Math.abs(actual[b] - expected));
        }
        System.out.printf("sentiment %s: max |ORT - reference| = %.3g%n", op, maxDiff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSTM", "GRU"})
    void aReviewScoresTheSameAloneAndPaddedInALongerBatch(String op) throws OrtException {
        RandomGraphs random = new RandomGraphs(12);
        SentimentGraph graph = random.sentiment(op, VOCABULARY, EMBEDDING, HIDDEN);
        long[][] batch = random.tokenIds(3, 12, VOCABULARY);
        int[] lengths = {12, 3, 6};
        long[][] alone = {Arrays.copyOf(batch[1], 3)};

        try (OrtSession session = OrtRuns.session(OnnxExporter.sentiment(graph, Map.of()))) {
            float inBatch = OrtRuns.sentiment(session, batch, lengths)[1];
            float single = OrtRuns.sentiment(session, alone, new int[] {3})[0];
            Arrays.fill(batch[1], 3, 12, 0L);
            float zeroPadded = OrtRuns.sentiment(session, batch, lengths)[1];

            assertThat(inBatch).isCloseTo(single, within(1e-6f));
            assertThat(zeroPadded).isCloseTo(single, within(1e-6f));
        }
    }
}
