package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad batches are refused up front with a message, and leave no gradient behind. */
class InputValidationTest {

    @Test
    void sentimentNetRefusesOutOfRangeTokensEmptyReviewsAndMissingLabels() {
        SentimentNet net = new SentimentNet(new SentimentConfig(CellType.GRU, 10, 4, 3, 0f, 1));
        assertThatThrownBy(() -> net.lossAndGradients(new int[][] {{1, 2}, {3, 10}}, new float[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token id 10");
        assertThatThrownBy(() -> net.predict(new int[][] {{1}, {}})).hasMessageContaining("length >= 1");
        assertThatThrownBy(() -> net.lossAndGradients(new int[][] {{1}}, new float[0])).hasMessageContaining("labels");
        for (Param p : net.params()) {
            assertThat(p.grad()).as(p.name()).containsOnly(0f);
        }
    }

    @Test
    void forecastNetRefusesWrongWidthsAndLengths() {
        ForecastNet net = new ForecastNet(new ForecastConfig(CellType.LSTM, 2, 3, 1, 1, 0f, 1));
        float[][][] ok = {{{1, 2}, {3, 4}}};
        assertThatThrownBy(() -> net.predict(new float[][][] {{{1, 2}, {3}}})).hasMessageContaining("expected 2 features");
        assertThatThrownBy(() -> net.predict(ok, new int[] {3})).hasMessageContaining("length says 3");
        assertThatThrownBy(() -> net.predict(ok, new int[] {0})).hasMessageContaining("length >= 1");
        assertThatThrownBy(() -> net.lossAndGradients(ok, new float[][] {{1, 2}})).hasMessageContaining("expected 1 targets");
        assertThatThrownBy(() -> new ForecastConfig(CellType.GRU, 1, 4, 3, 1, 0f, 1)).hasMessageContaining("layers");
    }
}
