package dev.seqserve.training.eval;

import java.util.Arrays;

/** The naive forecasts a model has to beat to be worth serving. */
public final class Baselines {

    private Baselines() {}

    /** Persistence: every step ahead equals the last known value ("tomorrow as today"). */
    public static Forecaster persistence() {
        return (series, end, horizon) -> {
            requireHistory(end, 1);
            double[] f = new double[horizon];
            Arrays.fill(f, series[end - 1]);
            return f;
        };
    }

    /**
     * Seasonal naive: each step ahead equals the value one season before it, repeating the last
     * season when the horizon is longer than one.
     *
     * @param period the season's length in steps, e.g. 12 for monthly data
     */
    public static Forecaster seasonalNaive(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        return (series, end, horizon) -> {
            requireHistory(end, period);
            double[] f = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                f[h] = series[end - period + h % period];
            }
            return f;
        };
    }

    /**
     * Seasonal naive with growth: the value one season before each step, times the growth of the last
     * season over the one before it (the ratio of their sums), compounded once per further season. It
     * carries last year's trend into the forecast, as a trend-following model does.
     *
     * @param period the season's length in steps, e.g. 12 for monthly data
     */
    public static Forecaster seasonalGrowth(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        return (series, end, horizon) -> {
            requireHistory(end, 2 * period);
            double last = 0;
            double before = 0;
            for (int i = 0; i < period; i++) {
                last += series[end - period + i];
                before += series[end - 2 * period + i];
            }
            double growth = last / before;
            double[] f = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                f[h] = series[end - period + h % period] * Math.pow(growth, h / period + 1);
            }
            return f;
        };
    }

    private static void requireHistory(int end, int needed) {
        if (end < needed) {
            throw new IllegalArgumentException("need at least " + needed + " known values, got " + end);
        }
    }
}
