package dev.seqserve.training.eval;

import java.util.Arrays;

/**
 * The linear autoregression AR(p) with intercept, {@code y[t] = c + Σ a[k]·y[t-k]}, fitted by
 * ordinary least squares on the training series; forecasts further ahead feed its own forecasts back.
 */
public final class LinearAutoregression implements Forecaster {

    private final int order;
    private final LinearRegression regression;

    private LinearAutoregression(int order, LinearRegression regression) {
        this.order = order;
        this.regression = regression;
    }

    /**
     * @param train the training series only
     * @param order p, the number of past values used
     * @throws IllegalArgumentException if the series has fewer than {@code 2·order + 1} values
     */
    public static LinearAutoregression fit(double[] train, int order) {
        if (order < 1 || train.length < 2 * order + 1) {
            throw new IllegalArgumentException("AR(" + order + ") needs at least " + (2 * order + 1)
                    + " training values, got " + train.length);
        }
        int n = train.length - order;
        double[][] x = new double[n][order];
        double[][] y = new double[n][1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(train, r, x[r], 0, order);
            y[r][0] = train[r + order];
        }
        return new LinearAutoregression(order, LinearRegression.fit(x, y, 0));
    }

    /** p, the number of past values used. */
    public int order() {
        return order;
    }

    /** The fitted intercept. */
    public double intercept() {
        return regression.intercept(0);
    }

    /** The coefficient of the value {@code lag} steps back, {@code lag} from 1 to {@link #order()}. */
    public double coefficient(int lag) {
        return regression.weight(order - lag, 0);
    }

    @Override
    public double[] forecast(double[] series, int end, int horizon) {
        if (end < order) {
            throw new IllegalArgumentException("AR(" + order + ") needs " + order + " known values, got " + end);
        }
        double[] window = new double[order + horizon];
        System.arraycopy(series, end - order, window, 0, order);
        double[] x = new double[order];
        for (int h = 0; h < horizon; h++) {
            System.arraycopy(window, h, x, 0, order);
            window[order + h] = regression.predict(x)[0];
        }
        return Arrays.copyOfRange(window, order, order + horizon);
    }
}
