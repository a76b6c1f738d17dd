package dev.seqserve.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    @Test
    void recoversExactCoefficientsOfEveryOutput() {
        Random random = new Random(7);
        double[][] x = new double[50][3];
        double[][] y = new double[50][2];
        for (int r = 0; r < 50; r++) {
            for (int i = 0; i < 3; i++) {
                x[r][i] = 1000 + random.nextGaussian();   // large offsets: centring keeps this well conditioned
            }
            y[r][0] = 4 + 2 * x[r][0] - x[r][1] + 0.5 * x[r][2];
            y[r][1] = -1 + x[r][2];
        }
        LinearRegression fit = LinearRegression.fit(x, y, 0);
        assertThat(fit.weight(0, 0)).isCloseTo(2, within(1e-9));
        assertThat(fit.weight(1, 0)).isCloseTo(-1, within(1e-9));
        assertThat(fit.weight(2, 1)).isCloseTo(1, within(1e-9));
        assertThat(fit.intercept(0)).isCloseTo(4, within(1e-6));
        assertThat(fit.predict(new double[] {1, 2, 3})[1]).isCloseTo(2, within(1e-6));
    }

    @Test
    void ridgeShrinksTheWeightsButNotTheMean() {
        double[][] x = {{0}, {1}, {2}, {3}};
        double[][] y = {{1}, {3}, {5}, {7}};
        LinearRegression ridge = LinearRegression.fit(x, y, 5);   // xᵀx (centred) = 5, so the slope halves
        assertThat(ridge.weight(0, 0)).isCloseTo(1, within(1e-12));
        assertThat(ridge.predict(new double[] {1.5})[0]).isCloseTo(4, within(1e-12));
    }

    @Test
    void aConstantInputColumnDoesNotBreakTheSolve() {
        double[][] x = {{1, 0}, {1, 1}, {1, 2}};
        double[][] y = {{0}, {1}, {2}};
        assertThat(LinearRegression.fit(x, y, 0).predict(new double[] {1, 5})[0]).isCloseTo(5, within(1e-6));
    }

    @Test
    void anAutoregressionRecoversTheProcessThatMadeTheSeries() {
        Random random = new Random(11);
        double[] y = new double[5000];
        y[0] = 10;
        y[1] = 10;
        for (int t = 2; t < y.length; t++) {
            y[t] = 3 + 0.6 * y[t - 1] + 0.1 * y[t - 2] + 0.5 * random.nextGaussian();
        }
        List<Double> c = Autoregressions.fit(y, y.length, 2, 0, null).coefficients();
        assertThat(c.get(1)).isCloseTo(0.6, within(0.03));
        assertThat(c.get(2)).isCloseTo(0.1, within(0.03));
        assertThat(c.get(0)).isCloseTo(3, within(0.3));
        double[] twoSteps = Autoregressions.forecaster(Autoregressions.fit(y, y.length, 2, 0, null), null)
                .forecast(y, y.length, 2);
        double first = c.get(0) + c.get(1) * y[4999] + c.get(2) * y[4998];
        assertThat(twoSteps[0]).isCloseTo(first, within(1e-9));
        assertThat(twoSteps[1]).isCloseTo(c.get(0) + c.get(1) * first + c.get(2) * y[4999], within(1e-9));
    }
}
