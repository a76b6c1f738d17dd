package dev.seqserve.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final double[] SERIES = {1, 2, 3, 4, 5, 6, 7};

    @Test
    void persistenceRepeatsTheLastKnownValue() {
        assertThat(Baselines.persistence().forecast(SERIES, 4, 3)).containsExactly(4, 4, 4);
        assertThat(Baselines.persistence().oneStepAhead(SERIES, 4, 7)).containsExactly(4, 5, 6);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        assertThat(Baselines.seasonalNaive(3).forecast(SERIES, 6, 7)).containsExactly(4, 5, 6, 4, 5, 6, 4);
        assertThat(Baselines.seasonalNaive(3).oneStepAhead(SERIES, 3, 7)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void seasonalGrowthScalesTheLastSeasonByItsGrowthOverTheOneBefore() {
        double[] doubling = {1, 2, 3, 2, 4, 6};
        assertThat(Baselines.seasonalGrowth(3).forecast(doubling, 6, 5)).containsExactly(4, 8, 12, 8, 16);
        double[] flat = {5, 1, 5, 1, 5, 1};
        assertThat(Baselines.seasonalGrowth(2).forecast(flat, 6, 3)).containsExactly(5, 1, 5);
        assertThat(Baselines.seasonalGrowth(2).forecast(flat, 5, 1)).containsExactly(1);
    }

    @Test
    void seasonalGrowthNeedsTwoSeasons() {
        assertThatThrownBy(() -> Baselines.seasonalGrowth(3).forecast(SERIES, 5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 6");
    }
}
