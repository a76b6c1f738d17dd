package dev.seqserve.training.eval;

/** Forecasts the next steps of a series from the values before a point. */
@FunctionalInterface
public interface Forecaster {

    /**
     * @param series the series; only values before {@code end} may be used
     * @param end one past the last known value, the forecast origin
     * @param horizon steps to forecast
     * @return forecasts for the steps {@code end} to {@code end + horizon - 1}
     */
    double[] forecast(double[] series, int end, int horizon);

    /**
     * Forecasts each of {@code [from, to)} one step ahead from everything before it, the way a
     * deployed model meets each new day.
     */
    default double[] oneStepAhead(double[] series, int from, int to) {
        double[] forecasts = new double[to - from];
        for (int t = from; t < to; t++) {
            forecasts[t - from] = forecast(series, t, 1)[0];
        }
        return forecasts;
    }
}
