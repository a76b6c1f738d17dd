package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec of hybrid and calendar models: a residual target around a seasonal autoregression, calendar inputs. */
class DatedSeriesCodecTest {

    private static final LocalDate START = LocalDate.of(1985, 1, 1);
    /** c = 4, a[1] = 0.5, a[2] = 0.1, s[1] = 1.5, c[1] = -2. */
    private static final SeasonalAutoregression BASELINE =
            new SeasonalAutoregression(2, 1, new double[] {4, 0.5, 0.1, 1.5, -2}, "by hand");

    private static double[] daily(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 11 + 4 * Math.cos(2 * Math.PI * (START.toEpochDay() + t) / 365.25) + Math.sin(1.3 * t);
        }
        return y;
    }

    private static SeriesCodec residual(double[] train, int calendarHarmonics) {
        return SeriesCodec.fit(new SeriesCodec.Spec("daily", 10, 3, List.of(), "standard", "residual", calendarHarmonics),
                train, BASELINE);
    }

    @Test
    void decodingTheResidualTargetsGivesBackTheFutureValues() {
        double[] y = daily(400);
        SeriesCodec codec = residual(y, 1);
        TrainingPairs pairs = codec.pairs(y, START);
        assertThat(pairs.size()).isEqualTo(400 - 10 - 3 + 1);
        for (int p = 0; p < pairs.size(); p += 37) {
            int end = p + 10;
            LocalDate last = START.plusDays(end - 1);
            float[] input = new float[codec.window() * codec.features()];
            codec.encode(y, end, last, input, 0);
            assertThat(input).containsExactly(pairs.inputs()[p]);
            double[] forecast = codec.decode(y, end, last, pairs.targets()[p], 3);
            for (int h = 0; h < 3; h++) {
                assertThat(forecast[h]).isCloseTo(y[end + h], within(1e-4));
            }
        }
    }

    @Test
    void aZeroOutputIsTheBaselinesForecast() {
        double[] y = daily(60);
        LocalDate last = START.plusDays(59);
        double[] expected = BASELINE.forecast(y, 60, SeriesCalendar.DAILY, SeriesCalendar.DAILY.position(last), 3);

        double[] forecast = residual(y, 0).decode(y, last, new float[3], 3);

        assertThat(forecast).containsExactly(expected, within(1e-12));
        double first = 4 + 0.5 * y[59] + 0.1 * y[58]
                + 1.5 * Math.sin(2 * Math.PI * (last.toEpochDay() + 1) / 365.25)
                - 2 * Math.cos(2 * Math.PI * (last.toEpochDay() + 1) / 365.25);
        assertThat(forecast[0]).isCloseTo(first, within(1e-9));
        assertThat(forecast[1]).isCloseTo(4 + 0.5 * first + 0.1 * y[59]
                + 1.5 * Math.sin(2 * Math.PI * (last.toEpochDay() + 2) / 365.25)
                - 2 * Math.cos(2 * Math.PI * (last.toEpochDay() + 2) / 365.25), within(1e-9));
    }

    @Test
    void calendarInputsAreTheAnnualTermsOfEachValuesDate() {
        double[] y = daily(60);
        SeriesCodec codec = SeriesCodec.fit(new SeriesCodec.Spec("daily", 10, 3, List.of(), "standard", "change", 1), y);
        LocalDate last = LocalDate.of(1989, 6, 30);

        float[] input = codec.encode(y, last);

        assertThat(codec.features()).isEqualTo(3);
        assertThat(input).hasSize(30);
        for (int i = 0; i < 10; i++) {
            double angle = 2 * Math.PI * last.minusDays(9 - i).toEpochDay() / 365.25;
            assertThat(input[3 * i]).isEqualTo((float) codec.scaler().scale(y[50 + i]));
            assertThat((double) input[3 * i + 1]).isCloseTo(Math.sin(angle), within(1e-6));
            assertThat((double) input[3 * i + 2]).isCloseTo(Math.cos(angle), within(1e-6));
        }
    }

    @Test
    void aDatedCodecNeedsTheDateAndAnUndatedOneDoesNot() {
        double[] y = daily(60);
        SeriesCodec dated = residual(y, 0);
        assertThat(dated.needsDate()).isTrue();
        assertThatThrownBy(() -> dated.encode(y)).hasMessageContaining("date of the series' last value");
        SeriesCodec plain = SeriesCodec.fit(new SeriesCodec.Spec("daily", 10, 3, List.of(), "standard", "change"), y);
        assertThat(plain.needsDate()).isFalse();
        assertThat(plain.encode(y, LocalDate.of(2000, 1, 1))).containsExactly(plain.encode(y));
    }

    @Test
    void theManifestRebuildsTheBaselineAndTheCalendar() {
        double[] y = daily(400);
        SeriesCodec codec = residual(y, 2);
        SeriesCodec back = SeriesCodec.from(codec.toManifest());
        LocalDate last = START.plusDays(399);

        assertThat(back.toManifest().baseline()).isEqualTo(BASELINE.toManifest());
        assertThat(back.toManifest().calendarHarmonics()).isEqualTo(2);
        assertThat(back.encode(y, last)).containsExactly(codec.encode(y, last));
        float[] output = {0.3f, -0.1f, 0.2f};
        assertThat(back.decode(y, last, output, 3)).containsExactly(codec.decode(y, last, output, 3));
    }

    @Test
    void aResidualTargetNeedsABaselineAndOnlyItHasOne() {
        double[] y = daily(60);
        assertThatThrownBy(() -> SeriesCodec.fit(new SeriesCodec.Spec("daily", 10, 3, List.of(), "standard", "residual"), y))
                .hasMessageContaining("needs a baseline");
        assertThatThrownBy(() -> SeriesCodec.fit(new SeriesCodec.Spec("daily", 10, 3, List.of(), "standard", "change"), y,
                BASELINE)).hasMessageContaining("needs a baseline");
        assertThatThrownBy(() -> new SeriesCodec.Spec("weekly", 10, 3, List.of(), "standard", "change", 1))
                .hasMessageContaining("daily or monthly");
    }
}
