package dev.seqserve.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void accuracyCountsMatchesAndThresholdsScoresAtOneHalf() {
        assertThat(Metrics.accuracy(new boolean[] {true, false, true, true}, new boolean[] {true, true, true, false})).isEqualTo(0.5);
        assertThat(Metrics.accuracy(new double[] {0.5, 0.49, 0.9}, new boolean[] {true, false, false})).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void errorsOfAKnownForecast() {
        double[] actual = {1, 2, 3, 4};
        double[] forecast = {2, 2, 1, 4};
        assertThat(Metrics.mae(forecast, actual)).isEqualTo(0.75);
        assertThat(Metrics.rmse(forecast, actual)).isCloseTo(Math.sqrt(5.0 / 4), within(1e-12));
    }

    @Test
    void maseDividesByTheInSampleSeasonalNaiveError() {
        double[] training = {1, 2, 4, 7};          // one-step naive errors 1, 2, 3: mean 2
        assertThat(Metrics.mase(new double[] {8, 9}, new double[] {9, 11}, training, 1)).isCloseTo(0.75, within(1e-12));
        double[] seasonal = {1, 5, 2, 6, 3, 7};    // lag-2 naive errors all 1
        assertThat(Metrics.mase(new double[] {4}, new double[] {6}, seasonal, 2)).isEqualTo(2.0);
    }

    @Test
    void mismatchedOrEmptyInputsAreRejected() {
        assertThatThrownBy(() -> Metrics.mae(new double[2], new double[3])).hasMessageContaining("2 and 3");
        assertThatThrownBy(() -> Metrics.mae(new double[0], new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.mase(new double[1], new double[1], new double[] {1, 1, 1}, 1)).hasMessageContaining("undefined");
    }
}
