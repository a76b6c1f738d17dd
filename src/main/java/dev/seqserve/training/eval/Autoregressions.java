package dev.seqserve.training.eval;

import dev.seqserve.preprocess.SeasonalAutoregression;
import dev.seqserve.preprocess.SeriesCalendar;
import java.util.Arrays;
import java.util.Locale;

/**
 * Least-squares fits of the autoregressive baselines, AR(p) and AR(p) with annual Fourier terms
 * ({@link SeasonalAutoregression}), and the choice of p and K on a validation span.
 */
public final class Autoregressions {

    /**
     * Where a series' values lie on the calendar.
     *
     * @param calendar the series' calendar
     * @param firstPosition the calendar position of the series' first value
     */
    public record Dates(SeriesCalendar calendar, long firstPosition) {

        /** The position of value {@code index}. */
        public long position(int index) {
            return firstPosition + index;
        }
    }

    /**
     * A (p, K) chosen on a validation span.
     *
     * @param order p
     * @param harmonics K
     * @param validationMae its one-step-ahead MAE on the validation span, fitted on the values before it
     */
    public record Choice(int order, int harmonics, double validationMae) {}

    private Autoregressions() {}

    /**
     * Fits {@code z[t]} on its regressors for every {@code t} in {@code [order, to)} by ordinary least squares.
     *
     * @param values the series; only {@code [0, to)} is read
     * @param dates where the values lie; may be {@code null} when {@code harmonics} is 0
     */
    public static SeasonalAutoregression fit(double[] values, int to, int order, int harmonics, Dates dates) {
        int width = SeasonalAutoregression.width(order, harmonics);
        int rows = to - order;
        if (rows < 2 * width) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "AR(%d) with %d harmonics needs at least %d values, got %d", order, harmonics, order + 2 * width, to));
        }
        double[][] x = new double[rows][width - 1];
        double[][] y = new double[rows][1];
        double[] row = new double[width];
        for (int t = order; t < to; t++) {
            SeasonalAutoregression.regressors(values, t, order, harmonics, calendar(dates, harmonics),
                    harmonics > 0 ? dates.position(t) : 0, row);
            System.arraycopy(row, 1, x[t - order], 0, width - 1);
            y[t - order][0] = values[t];
        }
        LinearRegression regression = LinearRegression.fit(x, y, 0);
        double[] coefficients = new double[width];
        coefficients[0] = regression.intercept(0);
        for (int i = 1; i < width; i++) {
            coefficients[i] = regression.weight(i - 1, 0);
        }
        return new SeasonalAutoregression(order, harmonics, coefficients, String.format(Locale.ROOT,
                "ordinary least squares on %d values", rows));
    }

    /** The fitted model as a forecaster of the series {@code dates} describes. */
    public static Forecaster forecaster(SeasonalAutoregression model, Dates dates) {
        SeriesCalendar calendar = calendar(dates, model.harmonics());
        return (series, end, horizon) -> model.forecast(series, end, calendar,
                model.harmonics() > 0 ? dates.position(end - 1) : 0, horizon);
    }

    /**
     * Chooses p in {@code 1..maxOrder} and K in {@code minHarmonics..maxHarmonics} by the one-step MAE on
     * {@code [trainEnd, validationEnd)} of each model fitted on {@code [0, trainEnd)}; ties go to the smaller model.
     */
    public static Choice choose(double[] values, int trainEnd, int validationEnd, int maxOrder, int minHarmonics,
            int maxHarmonics, Dates dates) {
        double[] actual = Arrays.copyOfRange(values, trainEnd, validationEnd);
        Choice best = null;
        for (int k = minHarmonics; k <= maxHarmonics; k++) {
            for (int p = 1; p <= maxOrder; p++) {
                Forecaster f = forecaster(fit(values, trainEnd, p, k, dates), dates);
                double mae = Metrics.mae(f.oneStepAhead(values, trainEnd, validationEnd), actual);
                if (best == null || mae < best.validationMae()) {
                    best = new Choice(p, k, mae);
                }
            }
        }
        return best;
    }

    private static SeriesCalendar calendar(Dates dates, int harmonics) {
        if (harmonics == 0) {
            return null;
        }
        if (dates == null) {
            throw new IllegalArgumentException("Fourier terms need the series' dates");
        }
        return dates.calendar();
    }
}
