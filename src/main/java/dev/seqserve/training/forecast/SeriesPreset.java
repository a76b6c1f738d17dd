package dev.seqserve.training.forecast;

import dev.seqserve.training.data.DataFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The two built-in forecasting jobs: which file, which spans train, validate and test, and the
 * default model design for each.
 */
public enum SeriesPreset {
    /**
     * Daily minimum temperature in Melbourne; validation 1988, test: one step ahead through 1989. A hybrid: the
     * mean of five networks (seeds 42..46, one graph) blended with the AR+Fourier baseline chosen on 1988, with the
     * weight chosen on 1985–1988 (each year forecast by models fitted before it).
     */
    TEMPERATURE("forecast-temperature", "series/melbourne_daily_min_temp_1981_1989.csv",
            LocalDate.of(1988, 1, 1), LocalDate.of(1989, 1, 1), LocalDate.of(1990, 1, 1), 1,
            "lstm", 90, 7, List.of(), "change", 0, 4, 365, new Net(32, 2, 0.001, 64, 0.0, 8, 80, 5), List.of()),
    /**
     * Monthly airline passengers, scored on rolling origins 1953–1958 (no test span in the data: 1959–1960 are
     * held back). The model trains a fixed number of epochs, and every setting below is the one with the lowest
     * mean MAE of {@code forecast-select}'s rolling-origin cross-validation on those origins; the shipped
     * weights are trained on all of 1949–1958.
     */
    AIRLINE("forecast-airline", "series/airline_passengers_1949_1958.csv",
            LocalDate.of(1959, 1, 1), LocalDate.of(1959, 1, 1), LocalDate.of(1959, 1, 1), 12,
            "lstm", 18, 12, List.of("log", "difference:12"), "change", 0, 0, 12,
            new Net(8, 1, 0.01, 32, 0.0, 10, 25, 1), List.of(1953, 1954, 1955, 1956, 1957, 1958));

    /**
     * Network and optimiser defaults, chosen without the test span.
     *
     * @param epochs the most epochs with early stopping; the exact count without it
     * @param members networks averaged in one graph, each with its own seed
     */
    public record Net(int hidden, int layers, double learningRate, int batchSize, double weightDecay, int patience,
            int epochs, int members) {}

    public final String modelName;
    public final String file;
    /**
     * First date of the validation span (early stopping); training uses everything before it. Equal to
     * {@link #testStart}: no validation span, a fixed number of epochs.
     */
    public final LocalDate validationStart;
    /** First date of the test span; the test forecasts read everything before their origin. */
    public final LocalDate testStart;
    public final LocalDate testEnd;
    /** Steps per test origin: 1 for one-step-ahead, 12 for a single year-ahead forecast. */
    public final int testHorizon;
    public final String arch;
    public final int window;
    public final int maxHorizon;
    public final List<String> transforms;
    public final String target;
    /** Annual sine/cosine pairs read beside each value. */
    public final int calendarHarmonics;
    /**
     * 0, or the validation years (the validation span's and those before it) that choose the share of the
     * AR+Fourier baseline blended into the network's forecasts (series with a validation span).
     */
    public final int blendYears;
    /** The seasonal period, for the seasonal-naive baseline and MASE. */
    public final int period;
    public final Net net;
    /** Origin years of the rolling-origin cross-validation ({@code forecast-select}); all end before the test. */
    public final List<Integer> cvOrigins;

    SeriesPreset(String modelName, String file, LocalDate validationStart, LocalDate testStart, LocalDate testEnd,
            int testHorizon, String arch, int window, int maxHorizon, List<String> transforms, String target,
            int calendarHarmonics, int blendYears, int period, Net net, List<Integer> cvOrigins) {
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
        this.calendarHarmonics = calendarHarmonics;
        this.blendYears = blendYears;
        this.period = period;
        this.net = net;
        this.cvOrigins = cvOrigins;
    }

    /**
     * The preset a {@code --series} option names.
     *
     * @throws IllegalArgumentException if the name is missing or unknown
     */
    public static SeriesPreset named(String name) {
        if (name == null) {
            throw new IllegalArgumentException("--series temperature|airline is required");
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--series must be temperature or airline, got '" + name + "'", e);
        }
    }
}
