package dev.seqserve.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoltWintersTest {

    private static final double[] SEASON = {0.9, 0.85, 1.0, 1.0, 1.05, 1.15, 1.3, 1.3, 1.1, 0.95, 0.8, 0.9};

    /** A linear trend times a fixed season, the process Holt-Winters multiplicative describes. */
    private static double[] trendTimesSeason(int n, double noise, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = (100 + 2 * t) * SEASON[t % 12] * (1 + noise * random.nextGaussian());
        }
        return y;
    }

    @Test
    void aTrendTimesASeasonIsForecastAYearAheadWithinOnePercent() {
        double[] y = trendTimesSeason(108, 0.01, 5);
        double[] truth = trendTimesSeason(120, 0, 5);

        double[] f = HoltWinters.fit(y, 96, 12).forecast(y, 96, 12);

        for (int h = 0; h < 12; h++) {
            assertThat(Math.abs(f[h] - truth[96 + h]) / truth[96 + h]).as("step %d", h + 1).isLessThan(0.02);
        }
    }

    @Test
    void itBeatsTheSeasonalNaiveForecastOnATrendingSeries() {
        double[] y = trendTimesSeason(120, 0.02, 6);
        double[] actual = Arrays.copyOfRange(y, 108, 120);
        double hw = Metrics.mae(HoltWinters.fit(y, 108, 12).forecast(y, 108, 12), actual);
        double naive = Metrics.mae(Baselines.seasonalNaive(12).forecast(y, 108, 12), actual);

        assertThat(hw).isLessThan(0.5 * naive);
    }

    @Test
    void theFitReadsOnlyTheTrainingSpan() {
        double[] y = trendTimesSeason(120, 0.02, 7);
        double[] changed = y.clone();
        Arrays.fill(changed, 96, 120, 1e6);

        assertThat(HoltWinters.fit(changed, 96, 12).parameters()).isEqualTo(HoltWinters.fit(y, 96, 12).parameters());
        assertThat(HoltWinters.fit(changed, 96, 12).forecast(changed, 96, 12))
                .containsExactly(HoltWinters.fit(y, 96, 12).forecast(y, 96, 12));
    }

    @Test
    void itNeedsThreePositiveSeasons() {
        assertThatThrownBy(() -> HoltWinters.fit(new double[30], 30, 12)).hasMessageContaining("three seasons");
        double[] y = trendTimesSeason(48, 0, 1);
        y[5] = 0;
        assertThatThrownBy(() -> HoltWinters.fit(y, 48, 12)).hasMessageContaining("positive");
    }
}
