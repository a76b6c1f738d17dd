package dev.seqserve.training.forecast;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.PredictionIntervals;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.eval.Baselines;
import dev.seqserve.training.eval.Forecaster;
import dev.seqserve.training.eval.HoltWinters;
import dev.seqserve.training.eval.Metrics;
import dev.seqserve.training.run.PhaseTimes;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A series scored on rolling origins (the monthly airline passengers): for each origin year a network with
 * the chosen settings is trained on every value before 1 January and forecasts the year, and so are the
 * baselines. The prediction intervals are calibrated on the forecasts from every month's origin, each
 * from a network trained on the values before it; an origin year's own intervals leave out every
 * forecast that reaches into that year. The weights that ship are trained on the whole series.
 */
final class RollingPipeline {

    private final ForecastTraining.Settings settings;
    private final Series series;
    private final SeriesPreset preset;
    private final PrintStream out;

    RollingPipeline(ForecastTraining.Settings settings, Series series, SeriesPreset preset, PrintStream out) {
        this.settings = settings;
        this.series = series;
        this.preset = preset;
        this.out = out;
    }

    ForecastOutcome run() {
        PhaseTimes clock = new PhaseTimes(out);
        double[] y = series.values();
        Timeline timeline = Timeline.of(series);
        int period = preset.period;
        int horizon = preset.testHorizon;
        RollingOrigins years = RollingOrigins.of(series, preset.cvOrigins, preset.testStart, horizon);
        RollingOriginCv.Outcome cv = clock.time("rolling origins " + years.describe() + ": train and forecast each year",
                () -> new RollingOriginCv(years, period, timeline).run(settings, y));
        RollingOrigins months = RollingOrigins.everyStep(series, preset.cvOrigins.get(0), horizon);
        RollingOriginCv.Outcome monthly = clock.time("calibration: train and forecast from each of "
                + months.folds().size() + " monthly origins", () -> new RollingOriginCv(months, period, timeline)
                        .run(settings, y));
        ForecastTraining.Result shipped = clock.time("ship: train on " + span(0, y.length) + " for "
                + settings.maxEpochs() + " epochs", () -> new ForecastTraining(settings, out).train(y, timeline,
                        new ForecastTraining.Split(y.length, y.length, 0, false)));

        Map<String, Function<Integer, Forecaster>> baselines = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        baselines.put("seasonal_naive", origin -> Baselines.seasonalNaive(period));
        descriptions.put("seasonal_naive", "the same month a year earlier");
        baselines.put("seasonal_growth", origin -> Baselines.seasonalGrowth(period));
        descriptions.put("seasonal_growth", "the same month a year earlier times the last year's growth over the year "
                + "before");
        baselines.put("holt_winters", origin -> HoltWinters.fit(y, origin, period));
        descriptions.put("holt_winters", "Holt-Winters, additive trend and multiplicative season, α, β, γ fitted by "
                + "least squares on each origin's training span (BOBYQA)");

        List<IntervalCheck.Path> modelPaths = new ArrayList<>();
        Map<String, List<IntervalCheck.Path>> baselinePaths = new LinkedHashMap<>();
        List<ForecastOutcome.FoldRow> rows = new ArrayList<>();
        for (RollingOriginCv.FoldResult f : cv.folds()) {
            RollingOrigins.Fold fold = f.fold();
            double[] actual = Arrays.copyOfRange(y, fold.origin(), fold.origin() + fold.horizon());
            modelPaths.add(new IntervalCheck.Path(fold.origin(), f.forecast(), actual));
            Map<String, Double> mae = new LinkedHashMap<>();
            mae.put(ForecastOutcome.MODEL, Metrics.mae(f.forecast(), actual));
            baselines.forEach((name, b) -> {
                double[] forecast = b.apply(fold.origin()).forecast(Arrays.copyOf(y, fold.origin()), fold.origin(),
                        fold.horizon());
                baselinePaths.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new IntervalCheck.Path(fold.origin(), forecast, actual));
                mae.put(name, Metrics.mae(forecast, actual));
            });
            rows.add(new ForecastOutcome.FoldRow(Integer.toString(fold.year()), span(0, fold.origin()),
                    f.trainingWindows(), mae));
        }
        String split = "rolling origins " + years.describe() + ", " + horizon + " steps from 1 January each, trained on "
                + "the values before it";
        double[] actual = flatten(modelPaths, IntervalCheck.Path::actual);
        Map<String, double[]> forecasts = new LinkedHashMap<>();
        forecasts.put(ForecastOutcome.MODEL, flatten(modelPaths, IntervalCheck.Path::forecast));
        baselinePaths.forEach((name, p) -> forecasts.put(name, flatten(p, IntervalCheck.Path::forecast)));
        var evaluation = new ForecastOutcome.Evaluation(split, "the " + horizon + " months of each year "
                + years.describe() + " forecast at once from the values before 1 January, as the server does, by "
                + "models fitted on those values only", actual, forecasts, descriptions,
                "The model's forecasts are the trainer's forward pass of each origin's network (the same graph ONNX "
                        + "Runtime runs; the shipped model.onnx matched the trainer's forecast of the last window to "
                        + ForecastArtifact.PARITY + " (relative) before its manifest was written), decoded by the "
                        + "same codec.");

        PredictionIntervals.Errors errors = PredictionIntervals.Errors.forTransforms(settings.spec().transforms());
        List<IntervalCheck.Path> calibration = new ArrayList<>();
        List<IntervalCheck.Path> naiveCalibration = new ArrayList<>();
        for (RollingOriginCv.FoldResult f : monthly.folds()) {
            RollingOrigins.Fold fold = f.fold();
            double[] a = Arrays.copyOfRange(y, fold.origin(), fold.origin() + fold.horizon());
            calibration.add(new IntervalCheck.Path(fold.origin(), f.forecast(), a));
            naiveCalibration.add(new IntervalCheck.Path(fold.origin(), Baselines.seasonalNaive(period)
                    .forecast(y, fold.origin(), fold.horizon()), a));
        }
        String calibrated = "the forecasts from every month's origin " + series.date(months.folds().get(0).origin())
                + ".." + series.date(y.length - 1) + " of networks trained on the values before each (each cut at "
                + series.date(y.length - 1) + ")";
        PredictionIntervals intervals = PredictionIntervals.of(errors, calibrated,
                IntervalCheck.scores(errors, calibration, horizon));
        List<IntervalCheck.Coverage> coverage = new ArrayList<>();
        for (double level : HoldoutPipeline.LEVELS) {
            coverage.add(IntervalCheck.coverage("model", level, modelPaths, 1, horizon,
                    origin -> leaveYearOut(errors, calibration, origin, horizon)));
            coverage.add(IntervalCheck.coverage("seasonal_naive", level, baselinePaths.get("seasonal_naive"), 1, horizon,
                    origin -> leaveYearOut(errors, naiveCalibration, origin, horizon)));
        }

        List<Manifest.Metric> metrics = new ArrayList<>();
        metrics.add(new Manifest.Metric("cv_mae", Metrics.mae(forecasts.get(ForecastOutcome.MODEL), actual), split));
        coverage.stream().filter(c -> c.method().equals("model")).forEach(c -> {
            String on = split + "; each year's intervals calibrated without the forecasts that reach into it";
            metrics.add(new Manifest.Metric(HoldoutPipeline.metricName("cv_coverage", c), c.coverage(), on));
            metrics.add(new Manifest.Metric(HoldoutPipeline.metricName("cv_width", c), c.meanWidth(), on));
        });
        List<Manifest.Baseline> manifestBaselines = new ArrayList<>();
        descriptions.forEach((name, d) -> manifestBaselines.add(new Manifest.Baseline(name, "cv_mae",
                Metrics.mae(forecasts.get(name), actual), split, d)));
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("shipped_weights", "trained on " + span(0, y.length) + " for " + settings.maxEpochs() + " epochs; the "
                + "metrics are those of the same settings trained on the values before each rolling origin");
        notes.put("selection", "rolling-origin cross-validation on " + years.describe() + " (forecast-select)");
        var fan = new ForecastOutcome.Fan("the " + horizon + " months of each origin year " + years.describe()
                + " with 80% and 95% intervals", "month from " + series.date(years.folds().get(0).origin()), actual,
                forecasts.get(ForecastOutcome.MODEL), fanBounds(errors, calibration, modelPaths, horizon));
        return new ForecastOutcome(shipped, shipped, span(0, y.length), evaluation, intervals, coverage, fan, metrics,
                manifestBaselines, notes, clock.phases(), rows);
    }

    /** A calibration from the paths whose steps all lie outside the origin's scored span. */
    private static PredictionIntervals leaveYearOut(PredictionIntervals.Errors errors, List<IntervalCheck.Path> paths,
            int origin, int horizon) {
        return PredictionIntervals.of(errors, "without " + origin, IntervalCheck.scores(errors, paths, horizon,
                o -> o + horizon <= origin || o >= origin + horizon));
    }

    private List<PredictionIntervals.Bounds> fanBounds(PredictionIntervals.Errors errors,
            List<IntervalCheck.Path> calibration, List<IntervalCheck.Path> paths, int horizon) {
        List<PredictionIntervals.Bounds> bounds = new ArrayList<>();
        for (double level : HoldoutPipeline.LEVELS) {
            List<double[]> lower = new ArrayList<>();
            List<double[]> upper = new ArrayList<>();
            for (IntervalCheck.Path p : paths) {
                PredictionIntervals.Bounds b = leaveYearOut(errors, calibration, p.origin(), horizon)
                        .bounds(p.forecast(), level);
                lower.add(b.lower());
                upper.add(b.upper());
            }
            bounds.add(new PredictionIntervals.Bounds(level, flatten(lower), flatten(upper)));
        }
        return bounds;
    }

    private static double[] flatten(List<IntervalCheck.Path> paths, Function<IntervalCheck.Path, double[]> part) {
        return flatten(paths.stream().map(part).toList());
    }

    private static double[] flatten(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    private String span(int from, int to) {
        return String.format(Locale.ROOT, "%s..%s", series.date(from), series.date(to - 1));
    }
}
