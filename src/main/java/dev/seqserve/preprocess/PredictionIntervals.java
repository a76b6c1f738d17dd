package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Split-conformal prediction intervals around a point forecast, the one place that both measures a
 * calibration error and turns calibration scores into bounds, for the trainer's report and the
 * server alike.
 *
 * <p>For step {@code h} ahead the calibration holds {@code n} scores of forecasts the model made
 * out of sample. At level α the step's radius is the ⌈(n + 1)·α⌉-th smallest score: if a new
 * forecast's score is exchangeable with the calibration scores, its interval covers the actual value
 * with probability at least α (Vovk et al., "Algorithmic learning in a random world", 2005). A level
 * above {@code n / (n + 1)} would need an infinite radius and is refused. Immutable.
 */
public final class PredictionIntervals {

    /** The only method. */
    public static final String SPLIT_CONFORMAL = "split-conformal";

    /** How a score measures an error. */
    public enum Errors {
        /** {@code |actual − forecast|}; the interval is the forecast ± the radius. */
        ABSOLUTE,
        /** {@code |ln actual − ln forecast|}; the interval is the forecast times {@code e^±radius}. */
        LOG;

        /** The manifest's spelling. */
        public String spec() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Log errors for a series the codec logs first (its errors grow with its level), absolute otherwise. */
        public static Errors forTransforms(List<String> transforms) {
            return !transforms.isEmpty() && transforms.get(0).equals("log") ? LOG : ABSOLUTE;
        }

        static Errors parse(String spec) {
            try {
                return valueOf(spec.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unknown interval errors \"" + spec + "\" (known: absolute, log)", e);
            }
        }
    }

    /**
     * The bounds at one level.
     *
     * @param level the coverage asked for
     * @param lower one value per step, at most the forecast
     * @param upper one value per step, at least the forecast
     */
    public record Bounds(double level, double[] lower, double[] upper) {}

    private final Errors errors;
    private final String calibration;
    private final double[][] scores;

    private PredictionIntervals(Errors errors, String calibration, double[][] scores) {
        this.errors = errors;
        this.calibration = calibration;
        this.scores = scores;
    }

    /**
     * Calibration from scores.
     *
     * @param errors how the scores were measured
     * @param calibration which forecasts they come from, in a sentence
     * @param scoresByStep per step ahead, every score (any order; each finite and at least 0)
     */
    public static PredictionIntervals of(Errors errors, String calibration, List<double[]> scoresByStep) {
        if (scoresByStep.isEmpty()) {
            throw new IllegalArgumentException("intervals need scores for at least one step");
        }
        double[][] sorted = new double[scoresByStep.size()][];
        for (int h = 0; h < sorted.length; h++) {
            sorted[h] = scoresByStep.get(h).clone();
            Arrays.sort(sorted[h]);
            if (sorted[h].length == 0 || !(sorted[h][0] >= 0) || !Double.isFinite(sorted[h][sorted[h].length - 1])) {
                throw new IllegalArgumentException("step " + (h + 1) + " needs at least one score, all finite and >= 0");
            }
        }
        return new PredictionIntervals(errors, calibration, sorted);
    }

    /** The calibration a manifest records. */
    public static PredictionIntervals from(Manifest.SeriesPreprocessing.Intervals intervals) {
        if (!SPLIT_CONFORMAL.equals(intervals.method())) {
            throw new IllegalArgumentException("unknown interval method \"" + intervals.method() + "\" (known: "
                    + SPLIT_CONFORMAL + ")");
        }
        List<double[]> scores = new ArrayList<>();
        for (List<Double> step : intervals.scores()) {
            scores.add(step.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return of(Errors.parse(intervals.errors()), intervals.calibration(), scores);
    }

    /** As the manifest records it. */
    public Manifest.SeriesPreprocessing.Intervals toManifest() {
        List<List<Double>> lists = new ArrayList<>();
        for (double[] step : scores) {
            lists.add(Arrays.stream(step).boxed().toList());
        }
        return new Manifest.SeriesPreprocessing.Intervals(SPLIT_CONFORMAL, errors.spec(), calibration, lists);
    }

    /**
     * The nonconformity score of one forecast.
     *
     * @throws IllegalArgumentException for log errors of a value that is not positive
     */
    public static double score(Errors errors, double forecast, double actual) {
        if (errors == Errors.ABSOLUTE) {
            return Math.abs(actual - forecast);
        }
        if (!(forecast > 0 && actual > 0)) {
            throw new IllegalArgumentException("log errors need positive values, got " + forecast + " and " + actual);
        }
        return Math.abs(Math.log(actual) - Math.log(forecast));
    }

    /** How the scores measure an error. */
    public Errors errors() {
        return errors;
    }

    /** Steps ahead with a calibration. */
    public int steps() {
        return scores.length;
    }

    /** Scores of step {@code step} (0-based) ahead. */
    public int calibrationSize(int step) {
        return scores[step].length;
    }

    /** The highest level every one of the first {@code horizon} steps can give: {@code n / (n + 1)} of the smallest n. */
    public double maxLevel(int horizon) {
        int n = Integer.MAX_VALUE;
        for (int h = 0; h < Math.min(horizon, scores.length); h++) {
            n = Math.min(n, scores[h].length);
        }
        return (double) n / (n + 1);
    }

    /**
     * The bounds around a forecast.
     *
     * @param forecast the point forecast, at most {@link #steps()} values
     * @param level in (0, 1), at most {@link #maxLevel}
     * @throws IllegalArgumentException for a level outside that range, a forecast longer than the
     *     calibration, or log errors around a forecast that is not positive
     */
    public Bounds bounds(double[] forecast, double level) {
        if (forecast.length > scores.length) {
            throw new IllegalArgumentException("the calibration covers " + scores.length + " steps, not "
                    + forecast.length);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a level must lie strictly between 0 and 1, was " + level);
        }
        double[] lower = new double[forecast.length];
        double[] upper = new double[forecast.length];
        for (int h = 0; h < forecast.length; h++) {
            double radius = radius(h, level);
            if (errors == Errors.ABSOLUTE) {
                lower[h] = forecast[h] - radius;
                upper[h] = forecast[h] + radius;
            } else {
                if (!(forecast[h] > 0)) {
                    throw new IllegalArgumentException("log intervals need a positive forecast, got " + forecast[h]);
                }
                lower[h] = forecast[h] * Math.exp(-radius);
                upper[h] = forecast[h] * Math.exp(radius);
            }
        }
        return new Bounds(level, lower, upper);
    }

    /** The ⌈(n + 1)·level⌉-th smallest score of a step. */
    private double radius(int step, double level) {
        double[] s = scores[step];
        // The small tolerance keeps 0.8 × 366 = 292.8000000001 from rounding one rank too high.
        int rank = (int) Math.ceil((s.length + 1) * level - 1e-9);
        if (rank > s.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level %s needs more than the %d "
                    + "calibration scores of step %d; the highest level it can give is %.4f", level, s.length,
                    step + 1, (double) s.length / (s.length + 1)));
        }
        return s[Math.max(rank, 1) - 1];
    }

    /** Which forecasts the scores come from. */
    public String calibration() {
        return calibration;
    }
}
