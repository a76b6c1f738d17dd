package dev.seqserve.training.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NbLogisticRegressionTest {

    @Test
    void bigramsCarryWhatUnigramsCannot() {
        // Every review has "good" and "bad"; only the word order says which is negated.
        List<String> train = List.of("not good but bad", "not bad but good", "not good but bad really",
                "not bad but good really", "so not good but bad", "so not bad but good");
        boolean[] positive = {false, true, false, true, false, true};
        List<String> test = List.of("it was not good but bad", "it was not bad but good");

        float[] unigrams = new NbLogisticRegression(SentimentTraining.tokenizer(), 1).fit(train, positive, 10).predict(test);
        float[] bigrams = new NbLogisticRegression(SentimentTraining.tokenizer(), 2).fit(train, positive, 10).predict(test);

        assertThat(Math.abs(unigrams[1] - unigrams[0])).isLessThan(0.05f);
        assertThat(bigrams[0]).isLessThan(0.5f);
        assertThat(bigrams[1]).isGreaterThan(0.5f);
    }

    @Test
    void featuresAreTheDistinctTrainNgramsOfEachLength() {
        NbLogisticRegression model = new NbLogisticRegression(SentimentTraining.tokenizer(), 3)
                .fit(List.of("a b a b", "b a"), new boolean[] {true, false}, 1);

        // unigrams a, b; bigrams a b, b a; trigrams a b a, b a b
        assertThat(model.features()).isEqualTo(6);
    }

    @Test
    void onlyOneToThreeWordNgrams() {
        assertThatThrownBy(() -> new NbLogisticRegression(SentimentTraining.tokenizer(), 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
