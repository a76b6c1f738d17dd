package dev.seqserve.training.forecast;

import dev.seqserve.training.data.Series;

/**
 * Where training, validation and test lie in one series, as indices. A validation span that starts where
 * the test starts is empty: the model then trains a fixed number of epochs on everything before the test.
 * {@code period} is the series' seasonal period, the lag of the seasonal-naive forecast that MASE compares with.
 */
record ForecastSpans(int validationStart, int testStart, int testEnd, int testHorizon, int period) {

    public static ForecastSpans of(Series series, SeriesPreset preset) {
        int testEnd = series.indexOf(preset.testEnd);
        return new ForecastSpans(series.indexOf(preset.validationStart), series.indexOf(preset.testStart), testEnd,
                preset.testHorizon, preset.period);
    }

    public ForecastTraining.Split split() {
        if (!validates()) {
            return new ForecastTraining.Split(testStart, testStart, 0, false);
        }
        return new ForecastTraining.Split(validationStart, testStart, Math.min(testHorizon, testStart - validationStart));
    }

    /** Whether there is a validation span (for early stopping) between training and test. */
    boolean validates() {
        return validationStart < testStart;
    }
}
