package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same seed and data give bit-identical weights, whatever the threads' timing. */
class DeterminismTest {

    @Test
    void twoTrainingRunsWithTheSameSeedEndWithIdenticalWeights() {
        List<float[]> first = train(77);
        List<float[]> second = train(77);
        List<float[]> otherSeed = train(78);

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isEqualTo(first.get(i));
        }
        assertThat(otherSeed.get(1)).isNotEqualTo(first.get(1));
    }

    @Test
    void twoForecastNetsWithTheSameSeedStartIdentical() {
        ForecastConfig config = new ForecastConfig(CellType.LSTM, 2, 8, 2, 1, 0f, 5);
        List<Param> a = new ForecastNet(config).params();
        List<Param> b = new ForecastNet(config).params();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).name()).isEqualTo(a.get(i).name());
            assertThat(b.get(i).value()).isEqualTo(a.get(i).value());
        }
    }

    /** Three Adam steps of a GRU sentiment net with dropout, the batch over three shards. */
    private static List<float[]> train(long seed) {
        SentimentNet net = new SentimentNet(new SentimentConfig(CellType.GRU, 30, 8, 10, 0.4f, seed));
        net.shards = 3;
        ParamSet params = new ParamSet(net.params());
        Adam adam = new Adam(net.params(), 0.01f);
        SplittableRandom data = new SplittableRandom(99);
        for (int step = 0; step < 3; step++) {
            int[][] tokens = new int[8][];
            float[] labels = new float[8];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = data.ints(1 + data.nextInt(20), 1, 30).toArray();
                labels[i] = data.nextInt(2);
            }
            params.zeroGrad();
            net.lossAndGradients(tokens, labels);
            params.clipGradNorm(1.0);
            adam.step();
        }
        return params.snapshot();
    }
}
