package dev.seqserve.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The test tells a clearly better forecast from one that is only luckier, and points the sign the right way. */
class DieboldMarianoTest {

    private static double[] noisy(double[] actual, double sd, long seed) {
        Random random = new Random(seed);
        double[] f = new double[actual.length];
        for (int t = 0; t < f.length; t++) {
            f[t] = actual[t] + sd * random.nextGaussian();
        }
        return f;
    }

    private static double[] actual(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 10 * Math.sin(t / 30.0);
        }
        return y;
    }

    @Test
    void aForecastWithHalfTheErrorIsSignificantlyBetterAndTheSignSaysWhich() {
        double[] y = actual(365);
        double[] good = noisy(y, 1.0, 1);
        double[] bad = noisy(y, 2.0, 2);

        DieboldMariano dm = DieboldMariano.absoluteError(good, bad, y);
        assertThat(dm.meanDifference()).isEqualTo(Metrics.mae(good, y) - Metrics.mae(bad, y), within(1e-12));
        assertThat(dm.statistic()).isLessThan(-5);
        assertThat(dm.pValue()).isLessThan(1e-6);
        assertThat(DieboldMariano.absoluteError(bad, good, y).statistic()).isEqualTo(-dm.statistic(), within(1e-12));
        assertThat(dm.lags()).isEqualTo(5);
    }

    @Test
    void twoForecastsOfEqualQualityAreRarelyToldApart() {
        double[] y = actual(365);
        int rejected = 0;
        for (int seed = 0; seed < 200; seed++) {
            if (DieboldMariano.absoluteError(noisy(y, 1.5, 2L * seed), noisy(y, 1.5, 2L * seed + 1), y).pValue() < 0.05) {
                rejected++;
            }
        }
        // At the 5% level about 10 of 200; a test that ignored its variance would reject far more or none.
        assertThat(rejected).isBetween(2, 25);
    }

    @Test
    void identicalForecastsDoNotDiffer() {
        double[] y = actual(30);
        double[] f = noisy(y, 1, 3);
        DieboldMariano dm = DieboldMariano.absoluteError(f, f.clone(), y);
        assertThat(dm.statistic()).isZero();
        assertThat(dm.pValue()).isEqualTo(1.0);
        assertThatThrownBy(() -> DieboldMariano.absoluteError(f, new double[29], y))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
