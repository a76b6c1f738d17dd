package dev.seqserve.training.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How {@code --blend}, {@code --no-blend} and {@code --blend-years} combine with the preset's blend. */
class ForecastCommandTest {

    @Test
    void thePresetDecidesUnlessTheOptionsSayOtherwise() {
        assertThat(ForecastCommand.blendYears(null, null, SeriesPreset.TEMPERATURE.blendYears)).isEqualTo(4);
        assertThat(ForecastCommand.blendYears(null, null, 0)).as("a preset without a blend").isZero();
        assertThat(ForecastCommand.blendYears(false, null, 4)).as("--no-blend").isZero();
        assertThat(ForecastCommand.blendYears(false, 3, 4)).as("--no-blend wins over --blend-years").isZero();
        assertThat(ForecastCommand.blendYears(null, 1, 4)).as("--blend-years 1: the validation year alone").isEqualTo(1);
        assertThat(ForecastCommand.blendYears(true, null, 0)).as("--blend on a preset without one").isEqualTo(1);
        assertThat(ForecastCommand.blendYears(true, null, 4)).isEqualTo(4);
    }

    @Test
    void aBlendNeedsAtLeastOneYear() {
        assertThatThrownBy(() -> ForecastCommand.blendYears(true, 0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--blend-years");
        assertThatThrownBy(() -> ForecastCommand.blendYears(null, -1, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
