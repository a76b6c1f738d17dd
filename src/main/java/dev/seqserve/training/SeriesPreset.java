package dev.seqserve.training;

import java.time.LocalDate;
import java.util.List;

/**
 * The two built-in forecasting jobs: which file, which spans train, validate and test, and the
 * default model design for each.
 */
enum SeriesPreset {
    /** Daily minimum temperature in Melbourne; test: one step ahead through 1989. */
    TEMPERATURE("forecast-temperature", "series/melbourne_daily_min_temp_1981_1989.csv",
            LocalDate.of(1988, 1, 1), LocalDate.of(1989, 1, 1), LocalDate.of(1990, 1, 1), 1,
            "lstm", 90, 7, List.of(), "change", 365, new Net(32, 2, 0.001, 64, 0.0, 8)),
    /** Monthly airline passengers; test: the 12 months of 1958 forecast from data up to 1957. */
    AIRLINE("forecast-airline", "series/airline_passengers_1949_1958.csv",
            LocalDate.of(1957, 1, 1), LocalDate.of(1958, 1, 1), LocalDate.of(1959, 1, 1), 12,
            "gru", 18, 12, List.of("log", "difference:1", "difference:12"), "change", 12,
            new Net(16, 1, 0.003, 32, 0.1, 10));

    /** Network and optimiser defaults, chosen by the validation MAE (never the test span). */
    record Net(int hidden, int layers, double learningRate, int batchSize, double weightDecay, int patience) {}

    final String modelName;
    final String file;
    /** First date of the validation span (early stopping); training uses everything before it. */
    final LocalDate validationStart;
    /** First date of the test span; the test forecasts read everything before their origin. */
    final LocalDate testStart;
    final LocalDate testEnd;
    /** Steps per test origin: 1 for one-step-ahead, 12 for a single year-ahead forecast. */
    final int testHorizon;
    final String arch;
    final int window;
    final int maxHorizon;
    final List<String> transforms;
    final String target;
    /** The seasonal period, for the seasonal-naive baseline and MASE. */
    final int period;
    final Net net;

    SeriesPreset(String modelName, String file, LocalDate validationStart, LocalDate testStart, LocalDate testEnd,
            int testHorizon, String arch, int window, int maxHorizon, List<String> transforms, String target,
            int period, Net net) {
        this.modelName = modelName;
        this.file = file;
        this.validationStart = validationStart;
        this.testStart = testStart;
        this.testEnd = testEnd;
        this.testHorizon = testHorizon;
        this.arch = arch;
        this.window = window;
        this.maxHorizon = maxHorizon;
        this.transforms = transforms;
        this.target = target;
        this.period = period;
        this.net = net;
    }
}
