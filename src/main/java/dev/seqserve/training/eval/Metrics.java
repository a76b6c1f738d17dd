package dev.seqserve.training.eval;

/** Accuracy and forecast error measures. */
public final class Metrics {

    private Metrics() {}

    /**
     * @param predicted predicted labels
     * @param actual true labels, as many
     * @return the share predicted right
     */
    public static double accuracy(boolean[] predicted, boolean[] actual) {
        requireSameLength(predicted.length, actual.length);
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            right += predicted[i] == actual[i] ? 1 : 0;
        }
        return (double) right / actual.length;
    }

    /**
     * @param scores probabilities of the positive class; 0.5 and above counts as positive
     * @param actual true labels, as many
     * @return the share predicted right
     */
    public static double accuracy(double[] scores, boolean[] actual) {
        requireSameLength(scores.length, actual.length);
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            right += (scores[i] >= 0.5) == actual[i] ? 1 : 0;
        }
        return (double) right / actual.length;
    }

    /** Mean absolute error. */
    public static double mae(double[] forecast, double[] actual) {
        requireSameLength(forecast.length, actual.length);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(forecast[i] - actual[i]);
        }
        return sum / actual.length;
    }

    /** Root mean squared error. */
    public static double rmse(double[] forecast, double[] actual) {
        requireSameLength(forecast.length, actual.length);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = forecast[i] - actual[i];
            sum += e * e;
        }
        return Math.sqrt(sum / actual.length);
    }

    /**
     * Mean absolute scaled error (Hyndman and Koehler, 2006): the forecast's MAE divided by the
     * in-sample MAE of the seasonal-naive forecast on the training series. Below 1 beats that naive
     * forecast on average.
     *
     * @param forecast the forecasts
     * @param actual what happened
     * @param training the series the forecaster was fitted on
     * @param period the season's length in steps; 1 compares with persistence
     */
    public static double mase(double[] forecast, double[] actual, double[] training, int period) {
        if (period < 1 || training.length <= period) {
            throw new IllegalArgumentException("MASE needs a training series longer than the period " + period);
        }
        double naive = 0;
        for (int t = period; t < training.length; t++) {
            naive += Math.abs(training[t] - training[t - period]);
        }
        naive /= training.length - period;
        if (naive == 0) {
            throw new IllegalArgumentException("MASE is undefined for a training series the naive forecast fits exactly");
        }
        return mae(forecast, actual) / naive;
    }

    private static void requireSameLength(int a, int b) {
        if (a != b || a == 0) {
            throw new IllegalArgumentException("need two non-empty arrays of the same length, got " + a + " and " + b);
        }
    }
}
