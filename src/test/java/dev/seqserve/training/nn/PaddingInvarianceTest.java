package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An example's output is the same bits alone or inside a longer, mixed batch. */
class PaddingInvarianceTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void sentimentScoreOfAReviewDoesNotDependOnItsBatch(CellType cell) {
        SentimentNet net = new SentimentNet(new SentimentConfig(cell, 40, 16, 24, 0.5f, 1));
        SplittableRandom random = new SplittableRandom(2);
        int[] review = random.ints(9, 1, 40).toArray();
        float alone = net.predict(new int[][] {review})[0];

        int[][] batch = new int[7][];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = random.ints(1 + random.nextInt(30), 1, 40).toArray();
        }
        batch[4] = review;
        for (int shards = 1; shards <= 3; shards++) {
            net.shards = shards;
            assertThat(net.predict(batch)[4]).as("%d shard(s)", shards).isEqualTo(alone);
        }
    }

    @Test
    void scoringAWholeSplitAtOnceGivesTheSameScoresAsOneByOne() {
        SentimentNet net = new SentimentNet(new SentimentConfig(CellType.LSTM, 20, 4, 6, 0f, 8));
        SplittableRandom random = new SplittableRandom(9);
        int[][] split = new int[SentimentNet.INFERENCE_CHUNK + 40][];
        for (int i = 0; i < split.length; i++) {
            split[i] = random.ints(1 + random.nextInt(6), 1, 20).toArray();
        }
        float[] all = net.predict(split);
        for (int i : new int[] {0, 17, SentimentNet.INFERENCE_CHUNK - 1, SentimentNet.INFERENCE_CHUNK, split.length - 1}) {
            assertThat(all[i]).as("review %d", i).isEqualTo(net.predict(new int[][] {split[i]})[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void forecastOfAWindowIgnoresEverythingPastItsLength(CellType cell) {
        ForecastNet net = new ForecastNet(new ForecastConfig(cell, 2, 12, 2, 3, 0.3f, 3));
        SplittableRandom random = new SplittableRandom(4);
        float[][] window = new float[5][];
        for (int t = 0; t < 5; t++) {
            window[t] = GradCheck.randomArray(2, random, 1);
        }
        float[] alone = net.predict(new float[][][] {window})[0];

        float[][][] batch = new float[4][12][2];
        int[] lengths = {12, 5, 3, 12};
        for (int b = 0; b < 4; b++) {
            for (int t = 0; t < 12; t++) {
                batch[b][t] = GradCheck.randomArray(2, random, 1);
            }
        }
        for (int t = 0; t < 12; t++) {
            batch[1][t] = t < 5 ? window[t] : new float[] {Float.NaN, 1e30f};
        }
        float[] padded = net.predict(batch, lengths)[1];

        assertThat(padded).containsExactly(alone);
        assertThat(Arrays.toString(padded)).doesNotContain("NaN");
    }
}
