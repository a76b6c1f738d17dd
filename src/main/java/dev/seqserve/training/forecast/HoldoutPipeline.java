package dev.seqserve.training.forecast;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.PredictionIntervals;
import dev.seqserve.preprocess.SeasonalAutoregression;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.eval.Autoregressions;
import dev.seqserve.training.eval.Baselines;
import dev.seqserve.training.eval.Forecaster;
import dev.seqserve.training.eval.Metrics;
import dev.seqserve.training.onnx.NetExports;
import dev.seqserve.training.onnx.OnnxExporter;
import dev.seqserve.training.run.PhaseTimes;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A series with a validation span before its test span (the daily temperatures). Everything is chosen on
 * the validation span with models fitted before it: the AR+Fourier baseline's p and K, and the network's
 * epoch count by early stopping; its out-of-sample errors there calibrate the prediction intervals. A blend
 * with the baseline takes its weight from several validation years (the last few before the test span, each
 * forecast by models fitted before it), because one year's MAE moves with the weather more than the weight
 * does.
 * Then every method is refitted on everything before the test span and scored on it once, the network
 * through its ONNX export. The weights that ship are trained once more, on everything up to the end of
 * the test span, with the chosen settings.
 */
final class HoldoutPipeline {

    /** The order of the plain autoregression baseline. */
    static final int AR_ORDER = 30;
    /** The largest p and K the AR+Fourier baseline may choose. */
    static final int MAX_ORDER = 30;
    static final int MAX_HARMONICS = 4;
    /** The levels the report checks. */
    static final double[] LEVELS = {0.8, 0.95};

    /** The blend weights tried: 0, 1/20, …, 1 (the baseline's share). */
    static final int BLEND_STEPS = 20;

    private final ForecastTraining.Settings settings;
    private final Series series;
    private final ForecastSpans spans;
    private final int blendYears;
    private final PrintStream out;

    /**
     * @param blendYears 0 for none, or the number of validation years (the validation span's and those just
     *     before it) whose pooled one-step MAE chooses the share of the AR+Fourier baseline blended into the
     *     network's forecasts (target value or change); years with less than two periods of values before
     *     them are left out
     */
    HoldoutPipeline(ForecastTraining.Settings settings, Series series, ForecastSpans spans, int blendYears,
            PrintStream out) {
        if (blendYears < 0) {
            throw new IllegalArgumentException("blendYears must be 0 (no blend) or more, was " + blendYears);
        }
        if (blendYears > 0 && settings.hybrid()) {
            throw new IllegalArgumentException("a residual model corrects its baseline; it cannot also blend it in");
        }
        this.settings = settings;
        this.series = series;
        this.spans = spans;
        this.blendYears = blendYears;
        this.out = out;
    }

    ForecastOutcome run() {
        PhaseTimes clock = new PhaseTimes(out);
        double[] y = series.values();
        Timeline timeline = Timeline.of(series);
        int vs = spans.validationStart();
        int ts = spans.testStart();
        int te = spans.testEnd();
        int steps = settings.spec().maxHorizon();
        Autoregressions.Dates dates = timeline.dates(0);
        Autoregressions.Choice choice = clock.time("choose the AR+Fourier baseline's p and K on " + span(vs, ts),
                () -> Autoregressions.choose(y, vs, ts, MAX_ORDER, 1, MAX_HARMONICS, dates));
        out.printf(Locale.ROOT, "AR(%d) with %d harmonics: validation MAE %.4f%n", choice.order(), choice.harmonics(),
                choice.validationMae());
        ForecastTraining.Settings chosen = settings.hybrid() ? settings.withBaseline(choice.order(), choice.harmonics())
                : settings;
        ForecastTraining.Result trained = clock.time("select: train on " + span(0, vs) + ", early stopping on "
                + span(vs, ts), () -> new ForecastTraining(chosen, out).train(y, timeline, spans.split()));
        int epochs = trained.history().bestEpoch();
        ForecastTraining.Settings fixed = chosen.withMaxEpochs(epochs);
        boolean blend = blendYears > 0;
        Blend chosenBlend = blend ? clock.time("blend: train on the years before each earlier validation year, "
                + "choose the weight", () -> blendWeight(blendFolds(trained, fixed, y, vs, ts, timeline, choice), y))
                : null;
        double weight = blend ? chosenBlend.weight() : Double.NaN;
        ForecastTraining.Result select = blended(trained, y, vs, timeline, choice, weight);
        List<IntervalCheck.Path> calibrationPaths = paths(select.forecaster(), y, vs, ts, steps);
        ForecastTraining.Result refit = clock.time("refit on " + span(0, ts) + " for " + epochs + " epochs",
                () -> blended(trainFixed(fixed, y, ts, timeline), y, ts, timeline, choice, weight));
        Map<Integer, double[]> model = clock.time("score the refit's ONNX export on " + span(ts, te),
                () -> onnxForecasts(refit, y, ts, te));
        ForecastTraining.Result shipped = clock.time("ship: train on " + span(0, te) + " for " + epochs + " epochs",
                () -> blended(trainFixed(fixed, y, te, timeline), y, te, timeline, choice, weight));

        Map<String, Forecaster> baselines = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        baselines.put("persistence", Baselines.persistence());
        descriptions.put("persistence", "the last value");
        baselines.put("ar" + AR_ORDER, Autoregressions.forecaster(Autoregressions.fit(y, ts, AR_ORDER, 0, null), null));
        descriptions.put("ar" + AR_ORDER, "AR(" + AR_ORDER + ") with intercept, ordinary least squares on " + span(0, ts));
        SeasonalAutoregression arFourier = Autoregressions.fit(y, ts, choice.order(), choice.harmonics(), dates);
        baselines.put("ar_fourier", Autoregressions.forecaster(arFourier, dates));
        descriptions.put("ar_fourier", String.format(Locale.ROOT, "AR(%d) with %d annual sine/cosine pairs, ordinary "
                + "least squares on %s; p and K (p ≤ %d, 1 ≤ K ≤ %d) chosen by the one-step MAE on %s (%.4f) of fits "
                + "on %s", choice.order(), choice.harmonics(), span(0, ts), MAX_ORDER, MAX_HARMONICS, span(vs, ts),
                choice.validationMae(), span(0, vs)));

        double[] actual = Arrays.copyOfRange(y, ts, te);
        Map<String, double[]> forecasts = new LinkedHashMap<>();
        forecasts.put(ForecastOutcome.MODEL, IntStream.range(ts, te).mapToDouble(t -> model.get(t)[0]).toArray());
        baselines.forEach((name, f) -> forecasts.put(name, f.oneStepAhead(y, ts, te)));
        String split = span(ts, te) + " one step ahead";
        var evaluation = new ForecastOutcome.Evaluation(split, "every day of " + span(ts, te) + " forecast one step "
                + "ahead from all values before it, by models fitted on " + span(0, ts), actual, forecasts, descriptions,
                "The model's forecasts are ONNX Runtime's, on the exported model.onnx of the network trained on "
                        + span(0, ts) + " with the shipped settings, decoded by the shipped codec.");

        PredictionIntervals.Errors errors = PredictionIntervals.Errors.forTransforms(settings.spec().transforms());
        String calibrated = "the " + steps + "-step forecasts from every day of " + span(vs, ts) + " (scored up to "
                + series.date(ts - 1) + ") of the model with the shipped settings trained on " + span(0, vs);
        PredictionIntervals intervals = PredictionIntervals.of(errors, calibrated,
                IntervalCheck.scores(errors, calibrationPaths, steps));
        PredictionIntervals persistenceIntervals = PredictionIntervals.of(errors, "persistence on " + span(vs, ts),
                IntervalCheck.scores(errors, paths(Baselines.persistence(), y, vs, ts, steps), steps));
        List<IntervalCheck.Path> modelPaths = new ArrayList<>();
        model.forEach((origin, f) -> modelPaths.add(new IntervalCheck.Path(origin, f,
                Arrays.copyOfRange(y, origin, origin + f.length))));
        List<IntervalCheck.Path> persistencePaths = paths(Baselines.persistence(), y, ts, te, steps);
        List<IntervalCheck.Coverage> coverage = new ArrayList<>();
        for (int step : new int[] {1, steps}) {
            for (double level : LEVELS) {
                coverage.add(IntervalCheck.coverage("model", level, modelPaths, step, step, o -> intervals));
                coverage.add(IntervalCheck.coverage("persistence", level, persistencePaths, step, step,
                        o -> persistenceIntervals));
            }
        }
        var fan = fan(forecasts.get(ForecastOutcome.MODEL), actual, intervals);

        List<Manifest.Metric> metrics = new ArrayList<>();
        metrics.add(new Manifest.Metric("mae", Metrics.mae(forecasts.get(ForecastOutcome.MODEL), actual), split));
        metrics.add(new Manifest.Metric("mase", Metrics.mase(forecasts.get(ForecastOutcome.MODEL), actual,
                Arrays.copyOf(y, ts), spans.period()), split));
        metrics.add(new Manifest.Metric("validation_mae", Metrics.mae(select.forecaster().oneStepAhead(y, vs, ts),
                Arrays.copyOfRange(y, vs, ts)), span(vs, ts) + " one step ahead, trained on " + span(0, vs)));
        coverage.stream().filter(c -> c.method().equals("model")).forEach(c -> {
            String on = span(ts, te) + ", step " + c.steps();
            metrics.add(new Manifest.Metric(metricName("coverage", c), c.coverage(), on));
            metrics.add(new Manifest.Metric(metricName("width", c), c.meanWidth(), on));
        });
        if (blend) {
            String pooled = chosenBlend.span() + " one step ahead, each year by models fitted before it";
            metrics.add(new Manifest.Metric("blend_validation_mae", chosenBlend.modelMae(), pooled));
            metrics.add(new Manifest.Metric("blend_validation_mae_ar_fourier", chosenBlend.baselineMae(), pooled));
        }
        List<Manifest.Baseline> manifestBaselines = new ArrayList<>();
        descriptions.forEach((name, d) -> manifestBaselines.add(new Manifest.Baseline(name, "mae",
                Metrics.mae(forecasts.get(name), actual), split, d)));

        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("shipped_weights", "trained on " + span(0, te) + " for " + epochs + " epochs, the count early stopping "
                + "chose on " + span(vs, ts) + "; the metrics on " + span(ts, te) + " are those of the same settings "
                + "trained on " + span(0, ts) + " and exported, scored once");
        if (chosen.hybrid()) {
            notes.put("baseline", "AR(" + chosen.baselineOrder() + ") with " + chosen.baselineHarmonics()
                    + " harmonics, refitted on each training span");
        }
        if (blend) {
            notes.put("blend", String.format(Locale.ROOT, "%.2f × AR(%d) with %d harmonics (refitted on each training "
                    + "span) + %.2f × the network, the weight with the lowest one-step MAE pooled over %s (%s), each "
                    + "year forecast by the network trained before it (%d epochs; early stopping on %s) and the "
                    + "baseline fitted before it: %.4f against the baseline's %.4f", weight, choice.order(),
                    choice.harmonics(), 1 - weight, chosenBlend.span(), chosenBlend.byYear(), epochs, span(vs, ts),
                    chosenBlend.modelMae(), chosenBlend.baselineMae()));
        }
        return new ForecastOutcome(shipped, trained, span(0, te), evaluation, intervals, coverage, fan, metrics,
                manifestBaselines, notes, clock.phases(), List.of());
    }

    /**
     * A validation year of the blend: the network trained on everything before it, its mean model-space output
     * for each day of the year (which no weight changes, so it is computed once), and the baseline fitted
     * before the year.
     */
    private record Fold(ForecastTraining.Result net, SeasonalAutoregression baseline, int from, int to,
            float[][] outputs) {

        /** The year's one-step forecasts with the baseline's share {@code w}, as the blended codec decodes them. */
        double[] forecasts(double[] y, double w) {
            SeriesCodec codec = net.codec().withBlend(baseline, w);
            double[] forecasts = new double[to - from];
            for (int t = from; t < to; t++) {
                forecasts[t - from] = codec.decode(y, t, net.timeline().date(t - 1), outputs[t - from], 1)[0];
            }
            return forecasts;
        }
    }

    /**
     * The blend's chosen weight with the pooled validation MAE it gave, the baseline's alone on the same days,
     * and the years they cover.
     */
    private record Blend(double weight, double modelMae, double baselineMae, String span, String byYear) {}

    /**
     * The validation span with the network early stopping chose on it, preceded by up to {@code blendYears - 1}
     * earlier years, each with the same settings trained for the same epochs on everything before it.
     */
    private List<Fold> blendFolds(ForecastTraining.Result selected, ForecastTraining.Settings fixed, double[] y, int vs,
            int ts, Timeline timeline, Autoregressions.Choice choice) {
        List<Fold> folds = new ArrayList<>();
        LocalDate validation = series.date(vs);
        LocalDate earliest = series.start().plusYears(2);
        for (int k = blendYears - 1; k >= 1; k--) {
            LocalDate from = validation.minusYears(k);
            if (!from.isBefore(earliest)) {
                int start = series.indexOf(from);
                folds.add(fold(trainFixed(fixed, y, start, timeline), y, start, series.indexOf(from.plusYears(1)),
                        timeline, choice));
            }
        }
        folds.add(fold(selected, y, vs, ts, timeline, choice));
        return folds;
    }

    private Fold fold(ForecastTraining.Result net, double[] y, int from, int to, Timeline timeline,
            Autoregressions.Choice choice) {
        float[][] outputs = new float[to - from][];
        for (int t = from; t < to; t++) {
            outputs[t - from] = ForecastTraining.meanOutput(net.nets(), net.codec(), net.timeline(), y, t);
        }
        return new Fold(net, ForecastTraining.baseline(settings.spec(), Arrays.copyOf(y, from), timeline,
                choice.order(), choice.harmonics()), from, to, outputs);
    }

    /**
     * The share of the AR+Fourier baseline in a blend with the network that minimises the one-step MAE pooled over
     * every fold's days; ties go to the smaller share.
     */
    private Blend blendWeight(List<Fold> folds, double[] y) {
        double[] actual = folds.stream().flatMapToDouble(f -> Arrays.stream(y, f.from(), f.to())).toArray();
        double best = Double.POSITIVE_INFINITY;
        int chosen = 0;
        for (int i = 0; i <= BLEND_STEPS; i++) {
            double mae = Metrics.mae(pooled(folds, y, (double) i / BLEND_STEPS), actual);
            if (mae < best) {
                best = mae;
                chosen = i;
            }
        }
        double weight = (double) chosen / BLEND_STEPS;
        double baselineMae = Metrics.mae(pooled(folds, y, 1), actual);
        StringBuilder byYear = new StringBuilder();
        for (Fold f : folds) {
            double[] days = Arrays.copyOfRange(y, f.from(), f.to());
            byYear.append(byYear.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%d: %.4f against %.4f",
                    series.date(f.from()).getYear(), Metrics.mae(f.forecasts(y, weight), days),
                    Metrics.mae(f.forecasts(y, 1), days)));
        }
        String span = series.date(folds.get(0).from()) + ".." + series.date(folds.get(folds.size() - 1).to() - 1);
        out.printf(Locale.ROOT, "blend: %.2f × AR+Fourier + %.2f × network, validation MAE over %s %.4f (AR+Fourier "
                + "alone %.4f; by year %s)%n", weight, 1 - weight, span, best, baselineMae, byYear);
        return new Blend(weight, best, baselineMae, span, byYear.toString());
    }

    /** Every fold's one-step forecasts of its days, one after another, with the baseline's share {@code w}. */
    private static double[] pooled(List<Fold> folds, double[] y, double w) {
        return folds.stream().flatMapToDouble(f -> Arrays.stream(f.forecasts(y, w))).toArray();
    }

    /** The run with the AR+Fourier baseline fitted on {@code [0, end)} blended in; itself when NaN. */
    private ForecastTraining.Result blended(ForecastTraining.Result run, double[] y, int end, Timeline timeline,
            Autoregressions.Choice choice, double weight) {
        if (Double.isNaN(weight)) {
            return run;
        }
        return run.withCodec(run.codec().withBlend(ForecastTraining.baseline(settings.spec(), Arrays.copyOf(y, end),
                timeline, choice.order(), choice.harmonics()), weight));
    }

    /** E.g. {@code coverage_80_step_1}. */
    static String metricName(String what, IntervalCheck.Coverage c) {
        return String.format(Locale.ROOT, "%s_%d_step_%s", what, Math.round(c.level() * 100), c.steps());
    }

    private ForecastTraining.Result trainFixed(ForecastTraining.Settings fixed, double[] y, int end, Timeline timeline) {
        return new ForecastTraining(fixed, out).train(y, timeline, new ForecastTraining.Split(end, end, 0, false));
    }

    private Map<Integer, double[]> onnxForecasts(ForecastTraining.Result refit, double[] y, int from, int to) {
        try {
            Path dir = Files.createTempDirectory("seqserve-refit");
            Path file = dir.resolve("model.onnx");
            try {
                OnnxExporter.writeForecast(NetExports.forecast(refit.nets()), Map.of("seqserve.role", "refit"), file);
                return OnnxForecasts.of(file, refit, y, IntStream.range(from, to).toArray(), to);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forecasts of up to {@code steps} from every origin in {@code [from, to)}, cut at {@code to}. */
    static List<IntervalCheck.Path> paths(Forecaster f, double[] y, int from, int to, int steps) {
        List<IntervalCheck.Path> paths = new ArrayList<>();
        for (int origin = from; origin < to; origin++) {
            int n = Math.min(steps, to - origin);
            paths.add(new IntervalCheck.Path(origin, f.forecast(y, origin, n), Arrays.copyOfRange(y, origin, origin + n)));
        }
        return paths;
    }

    private ForecastOutcome.Fan fan(double[] forecast, double[] actual, PredictionIntervals intervals) {
        List<PredictionIntervals.Bounds> bounds = new ArrayList<>();
        for (double level : LEVELS) {
            double[] lower = new double[forecast.length];
            double[] upper = new double[forecast.length];
            for (int i = 0; i < forecast.length; i++) {
                PredictionIntervals.Bounds b = intervals.bounds(new double[] {forecast[i]}, level);
                lower[i] = b.lower()[0];
                upper[i] = b.upper()[0];
            }
            bounds.add(new PredictionIntervals.Bounds(level, lower, upper));
        }
        return new ForecastOutcome.Fan("one step ahead through " + span(spans.testStart(), spans.testEnd())
                + " with 80% and 95% intervals", "day from " + series.date(spans.testStart()), actual, forecast, bounds);
    }

    private String span(int from, int to) {
        return series.date(from) + ".." + series.date(to - 1);
    }
}
