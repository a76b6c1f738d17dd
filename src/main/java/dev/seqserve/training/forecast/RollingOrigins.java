package dev.seqserve.training.forecast;

import dev.seqserve.training.data.Series;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The folds of an evaluation on a rolling forecasting origin (Hyndman and Athanasopoulos, "Forecasting:
 * principles and practice", time series cross-validation): for each origin year the model is trained on
 * every value before 1 January of that year and forecasts the year's first {@code horizon} steps from
 * them. Every fold ends before the test span starts, so the test never chooses a setting.
 *
 * @param folds the folds, oldest origin first
 */
public record RollingOrigins(List<Fold> folds) {

    /**
     * One origin: train on {@code [0, origin)}, forecast and score {@code [origin, origin + horizon)}.
     *
     * @param year the calendar year whose first step is the origin
     * @param origin the index of that step, one past the last training value
     * @param horizon the steps forecast and scored
     */
    public record Fold(int year, int origin, int horizon) {

        /** One past the last value the fold may read: its training span and its scored span, nothing later. */
        int end() {
            return origin + horizon;
        }

        /** The values a fold may see at all; the trainer is handed this copy, never the whole series. */
        double[] visible(double[] values) {
            return Arrays.copyOf(values, end());
        }

        /** The values the fold is scored against. */
        double[] actual(double[] values) {
            return Arrays.copyOfRange(values, origin, end());
        }

        /** Train before the origin for a fixed number of epochs; measure the scored span after each. */
        public ForecastTraining.Split split() {
            return new ForecastTraining.Split(origin, end(), horizon, false);
        }
    }

    public RollingOrigins {
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("at least one origin is needed");
        }
    }

    /**
     * @param series the whole series, test span included (folds never read it)
     * @param years origin years, increasing
     * @param testStart the first date of the test span; every fold must end on or before it
     * @param horizon steps forecast from each origin
     * @throws IllegalArgumentException if a year is out of order, has no history before it, or its
     *     scored span would reach into the test span or past the series
     */
    public static RollingOrigins of(Series series, List<Integer> years, LocalDate testStart, int horizon) {
        int testIndex = series.indexOf(testStart);
        List<Fold> folds = new ArrayList<>();
        int previous = Integer.MIN_VALUE;
        for (int year : years) {
            if (year <= previous) {
                throw new IllegalArgumentException("origin years must increase, got " + years);
            }
            previous = year;
            LocalDate start = LocalDate.of(year, 1, 1);
            if (!start.isAfter(series.start())) {
                throw new IllegalArgumentException("origin " + year + " has no values before it (the series starts "
                        + series.start() + ")");
            }
            Fold fold = new Fold(year, series.indexOf(start), horizon);
            if (fold.end() > testIndex) {
                throw new IllegalArgumentException("origin " + year + " would score " + horizon
                        + " steps reaching into the test span from " + testStart + "; only origins whose "
                        + horizon + " steps end before it may be used");
            }
            folds.add(fold);
        }
        return new RollingOrigins(folds);
    }

    /**
     * One origin at every step from 1 January of {@code firstYear} to the series' last value, each scoring up to
     * {@code horizon} steps and fewer where the series ends: the many origins a calibration of prediction
     * intervals needs.
     *
     * @param series the series; every fold ends at its end or before
     */
    public static RollingOrigins everyStep(Series series, int firstYear, int horizon) {
        List<Fold> folds = new ArrayList<>();
        for (int origin = series.indexOf(LocalDate.of(firstYear, 1, 1)); origin < series.size(); origin++) {
            folds.add(new Fold(series.date(origin).getYear(), origin, Math.min(horizon, series.size() - origin)));
        }
        return new RollingOrigins(folds);
    }

    /** Parses {@code 1953,1954,1955}. */
    public static List<Integer> parseYears(String csv) {
        List<Integer> years = new ArrayList<>();
        for (String part : csv.split(",")) {
            try {
                years.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("origins are years like 1953,1954; got '" + part + "'", e);
            }
        }
        return years;
    }

    /** The origin years, in order. */
    public List<Integer> years() {
        return folds.stream().map(Fold::year).toList();
    }

    /** E.g. {@code 1953..1957}, or the list when the years have holes. */
    public String describe() {
        List<Integer> years = years();
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        return last - first == years.size() - 1 ? first + ".." + last : years.toString();
    }
}
