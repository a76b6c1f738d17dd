package dev.seqserve.training.eval;

import static org.assertj.core.api.Assertions.assertThat;

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
}
