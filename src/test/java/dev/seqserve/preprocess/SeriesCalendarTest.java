package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SeriesCalendarTest {

    @Test
    void positionsCountStepsFrom1970() {
        assertThat(SeriesCalendar.DAILY.position(LocalDate.of(1970, 1, 2))).isEqualTo(1);
        assertThat(SeriesCalendar.DAILY.position(LocalDate.of(1989, 12, 31))).isEqualTo(LocalDate.of(1989, 12, 31).toEpochDay());
        assertThat(SeriesCalendar.MONTHLY.position(LocalDate.of(1971, 3, 1))).isEqualTo(14);
        assertThat(SeriesCalendar.MONTHLY.position(LocalDate.of(1949, 1, 1))).isEqualTo(-21 * 12);
    }

    @Test
    void theFourierTermsOfADateRepeatEveryYearAndDependOnTheDateAlone() {
        double[] a = new double[4];
        double[] b = new double[4];
        SeriesCalendar.MONTHLY.fourier(SeriesCalendar.MONTHLY.position(LocalDate.of(1953, 7, 1)), 2, a, 0);
        SeriesCalendar.MONTHLY.fourier(SeriesCalendar.MONTHLY.position(LocalDate.of(1958, 7, 1)), 2, b, 0);
        assertThat(b).containsExactly(a, within(1e-12));
        assertThat(a[0]).isCloseTo(Math.sin(2 * Math.PI * 6 / 12), within(1e-12));   // July: 6 months after January
        assertThat(a[3]).isCloseTo(Math.cos(2 * 2 * Math.PI * 6 / 12), within(1e-12));

        SeriesCalendar.DAILY.fourier(SeriesCalendar.DAILY.position(LocalDate.of(1981, 3, 1)), 1, a, 0);
        SeriesCalendar.DAILY.fourier(SeriesCalendar.DAILY.position(LocalDate.of(1985, 3, 1)), 1, b, 0);
        assertThat(b[0]).isCloseTo(a[0], within(1e-12));   // four years are exactly 4 × 365.25 days
        assertThat(b[1]).isCloseTo(a[1], within(1e-12));
    }

    @Test
    void onlyDailyAndMonthlySeriesHaveACalendar() {
        assertThat(SeriesCalendar.of("daily")).isEqualTo(SeriesCalendar.DAILY);
        assertThatThrownBy(() -> SeriesCalendar.of("weekly")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("daily or monthly");
    }
}
