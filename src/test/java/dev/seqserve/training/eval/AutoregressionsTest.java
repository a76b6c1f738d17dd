package dev.seqserve.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.preprocess.SeasonalAutoregression;
import dev.seqserve.preprocess.SeriesCalendar;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoregressionsTest {

    private static final Autoregressions.Dates DATES =
            new Autoregressions.Dates(SeriesCalendar.DAILY, LocalDate.of(1981, 1, 1).toEpochDay());

    /** y[t] = 3 + 0.6·y[t-1] + 2·sin + 1·cos (annual, of t's date) + noise. */
    private static double[] seasonalAr(int n, double noise, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        double[] terms = new double[2];
        y[0] = 7;
        for (int t = 1; t < n; t++) {
            SeriesCalendar.DAILY.fourier(DATES.position(t), 1, terms, 0);
            y[t] = 3 + 0.6 * y[t - 1] + 2 * terms[0] + terms[1] + noise * random.nextGaussian();
        }
        return y;
    }

    @Test
    void leastSquaresRecoversTheProcessThatMadeTheSeries() {
        double[] y = seasonalAr(4000, 0.5, 1);
        List<Double> c = Autoregressions.fit(y, y.length, 1, 1, DATES).coefficients();

        assertThat(c.get(0)).isCloseTo(3, within(0.15));
        assertThat(c.get(1)).isCloseTo(0.6, within(0.02));
        assertThat(c.get(2)).isCloseTo(2, within(0.1));
        assertThat(c.get(3)).isCloseTo(1, within(0.1));
    }

    @Test
    void theForecasterFeedsItsForecastsBackWithTheFourierTermsOfEachStepsDate() {
        double[] y = seasonalAr(800, 0.5, 2);
        SeasonalAutoregression model = Autoregressions.fit(y, 700, 1, 1, DATES);
        List<Double> c = model.coefficients();
        double[] terms = new double[2];

        double[] f = Autoregressions.forecaster(model, DATES).forecast(y, 750, 2);

        SeriesCalendar.DAILY.fourier(DATES.position(750), 1, terms, 0);
        double first = c.get(0) + c.get(1) * y[749] + c.get(2) * terms[0] + c.get(3) * terms[1];
        SeriesCalendar.DAILY.fourier(DATES.position(751), 1, terms, 0);
        assertThat(f[0]).isCloseTo(first, within(1e-9));
        assertThat(f[1]).isCloseTo(c.get(0) + c.get(1) * first + c.get(2) * terms[0] + c.get(3) * terms[1], within(1e-9));
    }

    @Test
    void theChoiceIsTheValidationMinimumOfModelsFittedBeforeTheValidationSpan() {
        double[] y = seasonalAr(1500, 1.0, 3);
        Autoregressions.Choice choice = Autoregressions.choose(y, 1100, 1465, 4, 0, 2, DATES);

        double[] actual = Arrays.copyOfRange(y, 1100, 1465);
        for (int k = 0; k <= 2; k++) {
            for (int p = 1; p <= 4; p++) {
                double mae = Metrics.mae(Autoregressions.forecaster(Autoregressions.fit(y, 1100, p, k, DATES), DATES)
                        .oneStepAhead(y, 1100, 1465), actual);
                assertThat(choice.validationMae()).isLessThanOrEqualTo(mae);
                if (p == choice.order() && k == choice.harmonics()) {
                    assertThat(choice.validationMae()).isEqualTo(mae);
                }
            }
        }
        assertThat(choice.harmonics()).as("the series has an annual cycle").isPositive();
        double[] changedAfter = y.clone();
        Arrays.fill(changedAfter, 1465, changedAfter.length, 1e6);
        assertThat(Autoregressions.choose(changedAfter, 1100, 1465, 4, 0, 2, DATES)).isEqualTo(choice);
    }
}
