package dev.seqserve.training.eval;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Diebold–Mariano test of equal accuracy of two forecasts of the same values under absolute error:
 * whether the mean of {@code d_t = |a_t - y_t| - |b_t - y_t|} differs from zero, with a Newey–West
 * (Bartlett) variance because neighbouring days' errors are correlated.
 *
 * @param meanDifference mean of {@code d_t}: negative when {@code a} is the more accurate
 * @param statistic the mean over its standard error; 0 when every {@code d_t} is the same
 * @param pValue two-sided, against the standard normal
 * @param lags autocovariances in the variance
 * @param n values compared
 */
public record DieboldMariano(double meanDifference, double statistic, double pValue, int lags, int n) {

    /**
     * @param a one forecast
     * @param b the other, as long
     * @param actual what happened, as long; at least two values
     */
    public static DieboldMariano absoluteError(double[] a, double[] b, double[] actual) {
        if (a.length != actual.length || b.length != actual.length || actual.length < 2) {
            throw new IllegalArgumentException("need two forecasts as long as the actuals, at least 2 values; got "
                    + a.length + ", " + b.length + " and " + actual.length);
        }
        int n = actual.length;
        double[] d = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            d[t] = Math.abs(a[t] - actual[t]) - Math.abs(b[t] - actual[t]);
            mean += d[t];
        }
        mean /= n;
        // The usual automatic bandwidth: floor(4 (n / 100)^(2/9)).
        int lags = Math.min(n - 1, (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0)));
        double variance = autocovariance(d, mean, 0);
        for (int k = 1; k <= lags; k++) {
            variance += 2 * (1 - k / (lags + 1.0)) * autocovariance(d, mean, k);
        }
        if (!(variance > 0)) {
            return new DieboldMariano(mean, 0, 1, lags, n);
        }
        double statistic = mean / Math.sqrt(variance / n);
        double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(statistic));
        return new DieboldMariano(mean, statistic, p, lags, n);
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double sum = 0;
        for (int t = lag; t < d.length; t++) {
            sum += (d[t] - mean) * (d[t - lag] - mean);
        }
        return sum / d.length;
    }

    /** E.g. "mean difference of absolute errors -0.0013, DM statistic -0.08, p = 0.94 (Newey–West, 5 lags, 365 values)". */
    public String describe() {
        return String.format(Locale.ROOT, "mean difference of absolute errors %+.4f, DM statistic %+.2f, p = %.2f "
                + "(Newey–West variance, %d lags, %d values)", meanDifference, statistic, pValue, lags, n);
    }
}
