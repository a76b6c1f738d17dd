package dev.seqserve.training.forecast;

import dev.seqserve.training.eval.OnnxEvaluation;
import dev.seqserve.training.run.Provenance;
import ai.onnxruntime.OrtException;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.data.DataFiles;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.eval.Baselines;
import dev.seqserve.training.eval.Forecaster;
import dev.seqserve.training.eval.LinearAutoregression;
import dev.seqserve.training.eval.Metrics;
import dev.seqserve.training.onnx.NetExports;
import dev.seqserve.training.onnx.OnnxExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a trained forecaster's folder: model.onnx, manifest.json, report.md and plots. */
final class ForecastArtifact {

    /** AR order of the linear baseline. */
    static final int AR_ORDER = 30;

    private final String name;
    private final ForecastTraining.Settings settings;
    private final SeriesPreset preset;
    private final Series series;
    private final ForecastSpans spans;
    private final RollingOriginCv.Outcome cv;

    /**
     * @param cv the same settings cross-validated on the preset's rolling origins, or {@code null}
     */
    ForecastArtifact(String name, ForecastTraining.Settings settings, SeriesPreset preset, Series series,
            ForecastSpans spans, RollingOriginCv.Outcome cv) {
        this.name = name;
        this.settings = settings;
        this.preset = preset;
        this.series = series;
        this.spans = spans;
        this.cv = cv;
    }

    Manifest write(Path folder, ForecastTraining.Result result) throws IOException {
        List<Manifest.DataFile> data = List.of(DataFiles.describe(series.source(), "train"));
        Provenance provenance = Provenance.of(name, "forecast", settings.seed(), hyperParameters(result), data);
        Manifest.OnnxModel onnx = OnnxExporter.writeForecast(
                NetExports.forecast(result.net()), provenance.onnxMetadata(), folder.resolve("model.onnx"));
        SeriesCodec codec = result.codec();
        Map<String, double[]> forecasts = testForecasts(folder.resolve(onnx.file()), codec);
        double[] actual = actuals();
        String split = testSplitName();
        List<Manifest.Metric> metrics = new ArrayList<>();
        forecasts.forEach((method, f) -> metrics.add(new Manifest.Metric(metricName(method), Metrics.mae(f, actual), split)));
        metrics.add(new Manifest.Metric("mase", Metrics.mase(forecasts.get("model"), actual,
                Arrays.copyOf(series.values(), spans.testStart()), preset.period), split));
        if (spans.validates()) {
            metrics.add(new Manifest.Metric("validation_mae", -result.history().best().devMetric(),
                    series.date(spans.validationStart()) + ".." + series.date(spans.testStart() - 1)));
        }
        if (cv != null) {
            String origins = cvSplitName();
            metrics.add(new Manifest.Metric("cv_mae", mean(cv.perOrigin(settings.maxEpochs())), origins));
            metrics.add(new Manifest.Metric("cv_seasonal_naive_mae", mean(cv.seasonalNaive()), origins));
            metrics.add(new Manifest.Metric("cv_seasonal_growth_mae", mean(cv.seasonalGrowth()), origins));
        }
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, name, Manifest.Task.FORECAST,
                architecture(), Provenance.version(onnx.sha256()), provenance.created(), onnx, null,
                codec.toManifest(), metrics, provenance.training(result.history()));
        manifest = ArtifactFolder.writeManifest(folder, manifest);
        new ForecastReport(name, manifest, series, spans, preset, forecasts, result, cv).write(folder);
        ArtifactFolder.open(folder);
        return manifest;
    }

    private String architecture() {
        return settings.cell().name().toLowerCase(Locale.ROOT) + "-" + settings.layers() + "x" + settings.hidden();
    }

    /** The split name of the cross-validation metrics. */
    String cvSplitName() {
        List<RollingOrigins.Fold> folds = cv.folds().stream().map(RollingOriginCv.FoldResult::fold).toList();
        return "rolling origins " + new RollingOrigins(folds).describe() + ", " + preset.testHorizon
                + " steps from 1 January each, trained on the values before it";
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    static String metricName(String method) {
        return method.equals("model") ? "mae" : method + "_mae";
    }

    String testSplitName() {
        return series.date(spans.testStart()) + ".." + series.date(spans.testEnd() - 1)
                + (spans.testHorizon() == 1 ? " one step ahead" : " " + spans.testHorizon() + " steps from one origin");
    }

    double[] actuals() {
        double[] actual = new double[spans.testEnd() - spans.testStart()];
        System.arraycopy(series.values(), spans.testStart(), actual, 0, actual.length);
        return actual;
    }

    /** Test forecasts of the shipped ONNX file and of the baselines, each flattened over origins. */
    private Map<String, double[]> testForecasts(Path modelFile, SeriesCodec codec) throws IOException {
        double[] values = series.values();
        double[] history = Arrays.copyOf(values, spans.testStart());
        Map<String, Forecaster> methods = new LinkedHashMap<>();
        methods.put("model", onnxForecaster(modelFile, codec));
        methods.put("persistence", Baselines.persistence());
        methods.put("seasonal_naive", Baselines.seasonalNaive(preset.period));
        if (spans.testHorizon() > 1 && history.length >= 2 * preset.period) {
            methods.put("seasonal_growth", Baselines.seasonalGrowth(preset.period));
        }
        if (history.length > 4 * AR_ORDER) {
            methods.put("ar" + AR_ORDER, LinearAutoregression.fit(history, AR_ORDER));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        methods.forEach((method, forecaster) -> out.put(method, forecast(forecaster, values)));
        return out;
    }

    private double[] forecast(Forecaster forecaster, double[] values) {
        double[] out = new double[spans.testEnd() - spans.testStart()];
        for (int origin : spans.testOrigins()) {
            int steps = Math.min(spans.testHorizon(), spans.testEnd() - origin);
            double[] f = forecaster.forecast(values, origin, steps);
            System.arraycopy(f, 0, out, origin - spans.testStart(), steps);
        }
        return out;
    }

    /** Runs every test window through ONNX Runtime at once, then answers from those outputs. */
    private Forecaster onnxForecaster(Path modelFile, SeriesCodec codec) throws IOException {
        int[] origins = spans.testOrigins();
        float[][][] windows = new float[origins.length][][];
        for (int i = 0; i < origins.length; i++) {
            float[] flat = new float[codec.window() * codec.features()];
            codec.encode(series.values(), origins[i], flat, 0);
            windows[i] = ForecastTraining.toSteps(flat, codec.window(), codec.features());
        }
        float[][] outputs;
        try (OnnxEvaluation ort = new OnnxEvaluation(modelFile)) {
            outputs = ort.forecast(windows);
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime could not run " + modelFile, e);
        }
        Map<Integer, float[]> byOrigin = new TreeMap<>();
        for (int i = 0; i < origins.length; i++) {
            byOrigin.put(origins[i], outputs[i]);
        }
        return (values, end, horizon) -> codec.decode(values, end, byOrigin.get(end), horizon);
    }

    private Map<String, String> hyperParameters(ForecastTraining.Result result) {
        Map<String, String> h = new TreeMap<>();
        SeriesCodec.Spec spec = settings.spec();
        h.put("cell", settings.cell().name());
        h.put("hidden", Integer.toString(settings.hidden()));
        h.put("layers", Integer.toString(settings.layers()));
        h.put("window", Integer.toString(spec.window()));
        h.put("max_horizon", Integer.toString(spec.maxHorizon()));
        h.put("transforms", String.join(",", spec.transforms()));
        h.put("scaler", spec.scalerKind());
        h.put("target", spec.target());
        h.put("strategy", SeriesCodec.DIRECT);
        h.put("dropout", Float.toString(settings.dropout()));
        h.put("weight_decay", Double.toString(settings.weightDecay()));
        h.put("batch_size", Integer.toString(settings.batchSize()));
        h.put("learning_rate", Double.toString(settings.learningRate()));
        h.put("clip_norm", Double.toString(settings.clipNorm()));
        h.put("max_epochs", Integer.toString(settings.maxEpochs()));
        if (spans.validates()) {
            h.put("patience", Integer.toString(settings.patience())); // fixed-epoch training has none
        }
        h.put("training_windows", Integer.toString(result.trainingPairs()));
        h.put("train_span", series.date(0) + ".." + series.date(spans.validationStart() - 1));
        h.put("validation_span", spans.validates()
                ? series.date(spans.validationStart()) + ".." + series.date(spans.testStart() - 1)
                : "none: " + settings.maxEpochs() + " epochs, the last kept");
        if (cv != null) {
            h.put("selection", "rolling-origin cross-validation on " + cv.folds().get(0).fold().year() + ".."
                    + cv.folds().get(cv.folds().size() - 1).fold().year() + " (forecast-select)");
        }
        h.put("gap_filling", series.gaps().isEmpty() ? "none needed" : series.gaps().describe());
        return h;
    }
}
