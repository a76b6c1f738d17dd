package dev.seqserve.training.forecast;

import dev.seqserve.preprocess.PredictionIntervals;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Out-of-sample forecasts from many origins, step by step: the scores a calibration of prediction
 * intervals is made of, and the empirical coverage and width of intervals built on them.
 */
final class IntervalCheck {

    /**
     * One forecast from one origin.
     *
     * @param origin the index of the first forecast step
     * @param forecast one value per step ahead
     * @param actual what happened, as many values
     */
    record Path(int origin, double[] forecast, double[] actual) {}

    /**
     * Coverage of one method's intervals at one level.
     *
     * @param method e.g. {@code model} or {@code persistence}
     * @param level the nominal level
     * @param steps which steps ahead were pooled, e.g. {@code 1} or {@code 1-12}
     * @param coverage the share of actual values inside their interval
     * @param meanWidth the mean of upper minus lower, in the series' units
     * @param count how many intervals
     */
    record Coverage(String method, double level, String steps, double coverage, double meanWidth, int count) {}

    private IntervalCheck() {}

    /** Per step ahead, the scores of every path that reaches that step. */
    static List<double[]> scores(PredictionIntervals.Errors errors, List<Path> paths, int steps) {
        return scores(errors, paths, steps, origin -> true);
    }

    /** Like {@link #scores(PredictionIntervals.Errors, List, int)} for the paths whose origin passes {@code use}. */
    static List<double[]> scores(PredictionIntervals.Errors errors, List<Path> paths, int steps, IntPredicate use) {
        List<double[]> byStep = new ArrayList<>();
        for (int h = 0; h < steps; h++) {
            List<Double> s = new ArrayList<>();
            for (Path p : paths) {
                if (use.test(p.origin()) && p.forecast().length > h) {
                    s.add(PredictionIntervals.score(errors, p.forecast()[h], p.actual()[h]));
                }
            }
            byStep.add(s.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return byStep;
    }

    /**
     * The coverage at one level of intervals around {@code paths}, pooled over the steps from {@code first}
     * to {@code last} (1-based); each path's intervals come from {@code calibration} applied to its origin.
     */
    static Coverage coverage(String method, double level, List<Path> paths, int first, int last,
            java.util.function.IntFunction<PredictionIntervals> calibration) {
        int inside = 0;
        int count = 0;
        double width = 0;
        for (Path p : paths) {
            if (p.forecast().length < last) {
                continue;
            }
            PredictionIntervals.Bounds b = calibration.apply(p.origin()).bounds(p.forecast(), level);
            for (int h = first - 1; h < last; h++) {
                count++;
                width += b.upper()[h] - b.lower()[h];
                inside += p.actual()[h] >= b.lower()[h] && p.actual()[h] <= b.upper()[h] ? 1 : 0;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no path reaches step " + last);
        }
        return new Coverage(method, level, first == last ? Integer.toString(first) : first + "-" + last,
                (double) inside / count, width / count, count);
    }
}
