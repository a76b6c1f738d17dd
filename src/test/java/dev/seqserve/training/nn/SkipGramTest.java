package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SkipGramTest {

    /** Ids 2–5 only ever appear beside each other, 6–9 beside each other: two topics. */
    private static int[][] twoTopics(int docs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] corpus = new int[docs][];
        for (int d = 0; d < docs; d++) {
            int base = d % 2 == 0 ? 2 : 6;
            corpus[d] = random.ints(30, base, base + 4).toArray();
        }
        return corpus;
    }

    private static long[] counts(int[][] corpus, int vocab) {
        long[] counts = new long[vocab];
        for (int[] doc : corpus) {
            for (int id : doc) {
                counts[id]++;
            }
        }
        return counts;
    }

    @Test
    void wordsOfOneTopicEndUpCloserToEachOtherThanToTheOtherTopic() {
        int[][] corpus = twoTopics(200, 1);
        SkipGram skipGram = new SkipGram(new SkipGram.Settings(8, 3, 3, 1.0, 0.05, 5, 2), counts(corpus, 10));

        skipGram.train(corpus, done -> { });
        float[] v = skipGram.vectors();

        assertThat(cosine(v, 2, 3, 8)).isGreaterThan(cosine(v, 2, 7, 8) + 0.3);
        assertThat(cosine(v, 6, 9, 8)).isGreaterThan(cosine(v, 6, 4, 8) + 0.3);
    }

    @Test
    void paddingAndOutOfVocabularyRowsStayZeroAndTheSameSeedRepeatsTheRun() {
        int[][] corpus = twoTopics(50, 3);
        for (int[] doc : corpus) {
            doc[5] = 1;
        }
        SkipGram.Settings settings = new SkipGram.Settings(6, 2, 2, 1e-3, 0.025, 2, 4);
        SkipGram first = new SkipGram(settings, counts(corpus, 10));
        SkipGram second = new SkipGram(settings, counts(corpus, 10));

        first.train(corpus, done -> { });
        second.train(corpus, done -> { });

        assertThat(first.vectors()).containsExactly(second.vectors());
        for (int j = 0; j < 12; j++) {
            assertThat(first.vectors()[j]).isZero();
        }
    }

    private static double cosine(float[] v, int a, int b, int d) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < d; j++) {
            dot += v[a * d + j] * v[b * d + j];
            na += v[a * d + j] * v[a * d + j];
            nb += v[b * d + j] * v[b * d + j];
        }
        return dot / Math.sqrt(na * nb);
    }
}
