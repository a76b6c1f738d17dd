package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.util.Arrays;
import java.util.List;

/**
 * An autoregression with annual Fourier terms, {@code z[t] = c + Σ a[k]·z[t-k] + Σ (s[j]·sin + c[j]·cos)(2πj·t/year)},
 * forecast further ahead by feeding its own forecasts back. With no harmonics it is a plain AR(p); with
 * them it needs the calendar position of the last known value. The trainer fits the coefficients by
 * least squares on {@link #regressors} rows; this class only evaluates them. Immutable.
 */
public final class SeasonalAutoregression {

    private final int order;
    private final int harmonics;
    private final double[] coefficients;
    private final String fitted;

    /**
     * @param order p, the lags
     * @param harmonics K, the sine and cosine pairs
     * @param coefficients {@code c, a[1..p], s[1], c[1], …, s[K], c[K]}
     * @param fitted the span and method it was fitted with, for the manifest
     */
    public SeasonalAutoregression(int order, int harmonics, double[] coefficients, String fitted) {
        if (order < 0 || harmonics < 0 || order + harmonics == 0) {
            throw new IllegalArgumentException("need lags or harmonics, got order " + order + " and " + harmonics
                    + " harmonics");
        }
        if (coefficients.length != width(order, harmonics)) {
            throw new IllegalArgumentException("AR(" + order + ") with " + harmonics + " harmonics has "
                    + width(order, harmonics) + " coefficients, not " + coefficients.length);
        }
        for (double c : coefficients) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("a coefficient is not finite");
            }
        }
        this.order = order;
        this.harmonics = harmonics;
        this.coefficients = coefficients.clone();
        this.fitted = fitted;
    }

    /** The baseline a manifest describes. */
    public static SeasonalAutoregression from(Manifest.SeriesPreprocessing.Baseline baseline) {
        return new SeasonalAutoregression(baseline.order(), baseline.harmonics(),
                baseline.coefficients().stream().mapToDouble(Double::doubleValue).toArray(), baseline.fitted());
    }

    /** As the manifest records it. */
    public Manifest.SeriesPreprocessing.Baseline toManifest() {
        return new Manifest.SeriesPreprocessing.Baseline(order, harmonics,
                Arrays.stream(coefficients).boxed().toList(), fitted, null);
    }

    /** How many coefficients AR(p) with K harmonics has: the intercept, p lags, 2K Fourier terms. */
    public static int width(int order, int harmonics) {
        return 1 + order + 2 * harmonics;
    }

    /**
     * Writes the regressors of the value at index {@code t}: 1, the {@code order} values before it (the
     * latest first) and its Fourier terms.
     *
     * @param values the series, at least {@code order} values before {@code t}
     * @param position the calendar position of index {@code t}; ignored without harmonics
     * @param out receives {@link #width} values
     */
    public static void regressors(double[] values, int t, int order, int harmonics, SeriesCalendar calendar,
            long position, double[] out) {
        out[0] = 1;
        for (int k = 1; k <= order; k++) {
            out[k] = values[t - k];
        }
        if (harmonics > 0) {
            calendar.fourier(position, harmonics, out, 1 + order);
        }
    }

    public int order() {
        return order;
    }

    public int harmonics() {
        return harmonics;
    }

    /**
     * Forecasts the {@code horizon} values after {@code history[end - 1]}.
     *
     * @param history values in the model's space; at least {@code order} before {@code end}
     * @param calendar the series' calendar; may be {@code null} without harmonics
     * @param lastPosition the calendar position of {@code history[end - 1]}
     */
    public double[] forecast(double[] history, int end, SeriesCalendar calendar, long lastPosition, int horizon) {
        if (end < order) {
            throw new IllegalArgumentException("AR(" + order + ") needs " + order + " values, got " + end);
        }
        double[] work = new double[order + horizon];
        System.arraycopy(history, end - order, work, 0, order);
        double[] x = new double[coefficients.length];
        for (int h = 0; h < horizon; h++) {
            regressors(work, order + h, order, harmonics, calendar, lastPosition + 1 + h, x);
            double value = 0;
            for (int i = 0; i < x.length; i++) {
                value += coefficients[i] * x[i];
            }
            work[order + h] = value;
        }
        return Arrays.copyOfRange(work, order, order + horizon);
    }

    /** The coefficients, {@code c, a[1..p], s[1], c[1], …}. */
    public List<Double> coefficients() {
        return Arrays.stream(coefficients).boxed().toList();
    }
}
