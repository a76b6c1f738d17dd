package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** End to end, with dropout on and the batch split over shards, every parameter's gradient is right. */
class NetGradientTest {

    @ParameterizedTest(name = "{0}, bidirectional {1}")
    @CsvSource({"LSTM, false", "LSTM, true", "GRU, false", "GRU, true"})
    void sentimentNetGradientsMatchFiniteDifferences(CellType cell, boolean bidirectional) {
        SentimentNet net = new SentimentNet(new SentimentConfig(cell, 12, 6, 5, bidirectional, 0.3f, 21));
        net.shards = 2;
        int[][] tokens = {{1, 5, 7, 2, 9, 11, 3}, {4}, {6, 6, 1, 8}, {2, 3, 4, 5, 6, 7, 8}, {10, 11}};
        float[] labels = {1, 0, 1, 0, 1};
        DoubleSupplier loss = () -> net.lossAndGradients(tokens, labels, 3);
        // A step of 1e-3: embeddings are small and a 1e-2 step can move a max-pooling winner.
        assertGradients(net.params(), loss, 1e-3);
    }

    @ParameterizedTest(name = "{0}, bidirectional {1}")
    @CsvSource({"LSTM, false", "LSTM, true", "GRU, false", "GRU, true"})
    void languageModelGradientsMatchFiniteDifferences(CellType cell, boolean bidirectional) {
        SentimentNet net = new SentimentNet(new SentimentConfig(cell, 12, 6, 5, bidirectional, 0.3f, 23));
        net.shards = 2;
        long[] counts = {0, 0, 9, 8, 7, 6, 5, 4, 3, 2, 2, 1};
        SampledSoftmax head = new SampledSoftmax(counts, 5, 4, new SplittableRandom(6));
        int[][] tokens = {{1, 5, 7, 2, 9, 11, 3}, {4}, {6, 6, 1, 8}, {2, 3, 4, 5, 6, 7, 8}, {10, 11}};
        // The same noise words on every call, so the loss is one function of the weights.
        DoubleSupplier loss = () -> net.languageModelLossAndGradients(tokens, head, new SplittableRandom(7));
        List<Param> params = new java.util.ArrayList<>(net.encoderParams());
        params.addAll(head.params());
        // No max pooling here, so the default step cannot move a winner.
        assertGradients(params, loss, GradCheck.EPS);
    }

    @ParameterizedTest(name = "{0} with {1} layer(s)")
    @CsvSource({"LSTM, 1", "LSTM, 2", "GRU, 1", "GRU, 2"})
    void forecastNetGradientsMatchFiniteDifferences(CellType cell, int layers) {
        ForecastNet net = new ForecastNet(new ForecastConfig(cell, 3, 5, layers, 2, 0.2f, 22));
        net.shards = 2;
        SplittableRandom random = new SplittableRandom(4);
        int[] lengths = {5, 1, 3, 5};
        float[][][] inputs = new float[4][5][];
        float[][] targets = new float[4][];
        for (int b = 0; b < 4; b++) {
            for (int t = 0; t < 5; t++) {
                inputs[b][t] = GradCheck.randomArray(3, random, 1.5);
            }
            targets[b] = GradCheck.randomArray(2, random, 1);
        }
        DoubleSupplier loss = () -> net.lossAndGradients(inputs, lengths, targets, 9);
        assertGradients(net.params(), loss, GradCheck.EPS);
    }

    /** Computes the analytic gradients once, then compares sampled entries of every parameter. */
    private static void assertGradients(List<Param> params, DoubleSupplier loss, double eps) {
        ParamSet set = new ParamSet(params);
        set.zeroGrad();
        loss.getAsDouble();
        List<float[]> analytic = params.stream().map(p -> p.grad().clone()).toList();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            double worst = GradCheck.worst(p.value(), analytic.get(i), loss, 40, random, eps);
            assertThat(worst).as("worst relative error of %s", p).isLessThan(GradCheck.TOLERANCE);
        }
    }
}
