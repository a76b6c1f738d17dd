package dev.seqserve.training.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seqserve.training.data.Series;
import dev.seqserve.training.data.SeriesCsvReader;
import dev.seqserve.training.data.SharedData;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The folds of the rolling-origin cross-validation: only years before the test, no value from the origin on. */
class RollingOriginsTest {

    private static final LocalDate TEST_START = SeriesPreset.AIRLINE.testStart;

    @Test
    void eachFoldTrainsOnEverythingBeforeItsOriginYearAndScoresThatYear() {
        Series series = MonthlySeries.airlineLike(1);

        RollingOrigins origins = RollingOrigins.of(series, List.of(1953, 1954, 1955, 1956, 1957), TEST_START, 12);

        assertThat(origins.years()).containsExactly(1953, 1954, 1955, 1956, 1957);
        for (RollingOrigins.Fold fold : origins.folds()) {
            ForecastTraining.Split split = fold.split();
            assertThat(series.date(split.trainEnd())).isEqualTo(LocalDate.of(fold.year(), 1, 1));
            assertThat(series.date(split.trainEnd() - 1)).isEqualTo(LocalDate.of(fold.year() - 1, 12, 1));
            assertThat(split.validationEnd()).isEqualTo(fold.end()).isEqualTo(split.trainEnd() + 12);
            assertThat(split.earlyStopping()).as("the scored year never stops training").isFalse();
            assertThat(fold.visible(series.values())).hasSize(fold.end());
            assertThat(series.date(fold.end() - 1)).isBefore(TEST_START);
            assertThat(fold.actual(series.values())).containsExactly(series.values(fold.origin(), fold.end()));
        }
        assertThat(origins.describe()).isEqualTo("1953..1957");
    }

    @Test
    void theTestYearAndLaterCannotBeOrigins() {
        Series series = MonthlySeries.airlineLike(1);
        LocalDate testStart = LocalDate.of(1958, 1, 1);

        assertThatThrownBy(() -> RollingOrigins.of(series, List.of(1957, 1958), testStart, 12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin 1958")
                .hasMessageContaining("test span from 1958-01-01");
        assertThatThrownBy(() -> RollingOrigins.of(series, List.of(1959), TEST_START, 12))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RollingOrigins.of(series, List.of(1957), testStart, 13))
                .as("a 13-month fold from 1957 would score January 1958")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void originsMustIncreaseAndHaveHistory() {
        Series series = MonthlySeries.airlineLike(1);

        assertThatThrownBy(() -> RollingOrigins.of(series, List.of(1955, 1954), TEST_START, 12))
                .hasMessageContaining("increase");
        assertThatThrownBy(() -> RollingOrigins.of(series, List.of(1949), TEST_START, 12))
                .hasMessageContaining("no values before it");
        assertThat(RollingOrigins.parseYears(" 1953,1955 ")).containsExactly(1953, 1955);
        assertThat(RollingOrigins.of(series, List.of(1953, 1955), TEST_START, 12).describe()).isEqualTo("[1953, 1955]");
    }

    @Test
    void thePresetsOriginsAre1953To1958AndEndWithTheData() throws Exception {
        Series series = SeriesCsvReader.read(SharedData.require(SeriesPreset.AIRLINE.file));
        int test = series.indexOf(TEST_START);

        RollingOrigins origins = RollingOrigins.of(series, SeriesPreset.AIRLINE.cvOrigins, TEST_START, 12);

        assertThat(test).as("the held-back test years are not in the file").isEqualTo(series.size());
        assertThat(origins.years()).containsExactly(1953, 1954, 1955, 1956, 1957, 1958);
        assertThat(origins.folds()).allSatisfy(f -> assertThat(f.end()).isLessThanOrEqualTo(test));
        assertThat(series.date(origins.folds().get(0).origin())).isEqualTo(LocalDate.of(1953, 1, 1));
        assertThat(series.date(origins.folds().get(5).end() - 1)).isEqualTo(LocalDate.of(1958, 12, 1));
    }
}
