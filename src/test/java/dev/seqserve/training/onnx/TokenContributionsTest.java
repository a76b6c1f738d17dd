package dev.seqserve.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sentiment graph's {@code attributions} output, against a double-precision decomposition written here. */
class TokenContributionsTest {

    private static final int VOCABULARY = 23;
    private static final int EMBEDDING = 4;
    private static final int HIDDEN = 5;
    private static final int[] LENGTHS = {1, 9, 4, 7, 2, 9};

    private static SentimentGraph graph(String op, boolean bidirectional, long seed) {
        RandomGraphs random = new RandomGraphs(seed);
        SentimentGraph forward = random.sentiment(op, VOCABULARY, EMBEDDING, HIDDEN);
        if (!bidirectional) {
            return forward;
        }
        return new SentimentGraph(VOCABULARY, EMBEDDING, forward.embedding(), forward.recurrent(),
                random.recurrent(op, EMBEDDING, HIDDEN), random.dense(4 * HIDDEN, 1));
    }

    @ParameterizedTest
    @CsvSource({"LSTM, false", "LSTM, true", "GRU, false", "GRU, true"})
    void eachTokensWeightIsItsStateChangeReadThroughThePoolingAndTheyAddUpToTheLogitLessTheBias(String op,
            boolean bidirectional) throws OrtException {
        SentimentGraph graph = graph(op, bidirectional, 21);
        long[][] ids = new RandomGraphs(22).tokenIds(LENGTHS.length, 9, VOCABULARY);

        Object[] run;
        try (OrtSession session = OrtRuns.session(OnnxExporter.sentiment(graph, Map.of()))) {
            run = OrtRuns.sentimentRun(session, ids, LENGTHS, true);
        }
        float[] probabilities = (float[]) run[0];
        float[][] attributions = (float[][]) run[1];

        for (int b = 0; b < LENGTHS.length; b++) {
            double[] expected = reference(graph, ids[b], LENGTHS[b]);
            double sum = 0;
            for (int t = 0; t < 9; t++) {
                if (t < LENGTHS[b]) {
                    assertThat((double) attributions[b][t]).as("row %d token %d", b, t).isCloseTo(expected[t], within(1e-5));
                    sum += attributions[b][t];
                } else {
                    assertThat(attributions[b][t]).as("row %d padded step %d", b, t).isZero();
                }
            }
            double p = probabilities[b];
            assertThat(sum + graph.dense().b()[0]).as("row %d", b).isCloseTo(Math.log(p / (1 - p)), within(1e-4));
        }
    }

    @ParameterizedTest
    @CsvSource({"LSTM, true", "GRU, true", "GRU, false"})
    void aReviewsWeightsAreTheSameAloneAndPaddedInAnyBatchAndZeroUnlessAskedFor(String op, boolean bidirectional)
            throws OrtException {
        SentimentGraph graph = graph(op, bidirectional, 31);
        long[][] batch = new RandomGraphs(32).tokenIds(3, 12, VOCABULARY);
        int[] lengths = {12, 3, 6};
        long[][] alone = {Arrays.copyOf(batch[1], 3)};

        try (OrtSession session = OrtRuns.session(OnnxExporter.sentiment(graph, Map.of()))) {
            float[] inBatch = Arrays.copyOf(OrtRuns.attributions(session, batch, lengths)[1], 3);
            float[] single = OrtRuns.attributions(session, alone, new int[] {3})[0];
            Object[] plain = OrtRuns.sentimentRun(session, batch, lengths, false);
            Object[] explained = OrtRuns.sentimentRun(session, batch, lengths, true);

            assertThat(inBatch).containsExactly(single);
            assertThat((float[]) plain[0]).containsExactly((float[]) explained[0]);
            for (float[] row : (float[][]) plain[1]) {
                assertThat(row).containsOnly(0f);
            }
        }
    }

    /**
     * Token {@code s}'s weight: {@code Δ_s = y_s − y_{s∓1}} of each direction times the dense weights, the mean's
     * weight scaled by how many of the {@code n} pooled states include that change, the max's only while the unit's
     * first arg-max state includes it.
     */
    private static double[] reference(SentimentGraph graph, long[] ids, int n) {
        double[][] xs = new double[n][graph.embeddingDim()];
        for (int t = 0; t < n; t++) {
            for (int e = 0; e < graph.embeddingDim(); e++) {
                xs[t][e] = graph.embedding()[(int) ids[t] * graph.embeddingDim() + e];
            }
        }
        double[] weights = new double[n];
        for (int d = 0; d < graph.directions(); d++) {
            boolean forward = d == 0;
            double[][] states;
            if (forward) {
                states = ReferenceForward.states(graph.recurrent(), xs);
            } else {
                double[][] reversed = new double[n][];
                for (int t = 0; t < n; t++) {
                    reversed[t] = xs[n - 1 - t];
                }
                double[][] backwards = ReferenceForward.states(graph.backward(), reversed);
                states = new double[n][];
                for (int t = 0; t < n; t++) {
                    states[t] = backwards[n - 1 - t];
                }
            }
            int offset = d * 2 * HIDDEN;
            for (int k = 0; k < HIDDEN; k++) {
                int argMax = 0;
                for (int t = 1; t < n; t++) {
                    if (states[t][k] > states[argMax][k]) {
                        argMax = t;
                    }
                }
                for (int s = 0; s < n; s++) {
                    int neighbour = forward ? s - 1 : s + 1;
                    double before = neighbour < 0 || neighbour >= n ? 0 : states[neighbour][k];
                    double change = states[s][k] - before;
                    double reads = forward ? n - s : s + 1;
                    boolean inMax = forward ? s <= argMax : s >= argMax;
                    weights[s] += change * (graph.dense().w()[offset + k] * reads / n
                            + (inMax ? graph.dense().w()[offset + HIDDEN + k] : 0));
                }
            }
        }
        return weights;
    }
}
