package dev.seqserve.training.forecast;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.data.DataFiles;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.onnx.NetExports;
import dev.seqserve.training.onnx.OnnxExporter;
import dev.seqserve.training.run.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a trained forecaster's folder: model.onnx, manifest.json, report.md and plots. */
final class ForecastArtifact {

    /** How far the exported file's forecast may stray from the trainer's, relative to the series' spread. */
    static final double PARITY = 1e-4;

    private final String name;
    private final ForecastTraining.Settings settings;
    private final SeriesPreset preset;
    private final Series series;
    private final ForecastSpans spans;

    ForecastArtifact(String name, ForecastTraining.Settings settings, SeriesPreset preset, Series series,
            ForecastSpans spans) {
        this.name = name;
        this.settings = settings;
        this.preset = preset;
        this.series = series;
        this.spans = spans;
    }

    Manifest write(Path folder, ForecastOutcome outcome) throws IOException {
        ForecastTraining.Result shipped = outcome.shipped();
        List<Manifest.DataFile> data = List.of(DataFiles.describe(series.source(), "train"));
        Provenance provenance = Provenance.of(name, "forecast", settings.seed(), hyperParameters(outcome), data);
        Path modelFile = folder.resolve("model.onnx");
        Manifest.OnnxModel onnx = OnnxExporter.writeForecast(
                NetExports.forecast(shipped.nets()), provenance.onnxMetadata(), modelFile);
        checkParity(modelFile, shipped);
        Manifest.SeriesPreprocessing section = shipped.codec().toManifest().withIntervals(outcome.intervals().toManifest());
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, name, Manifest.Task.FORECAST, architecture(section),
                Provenance.version(onnx.sha256()), provenance.created(), onnx, null, section, outcome.metrics(),
                provenance.training(shipped.history()), null, outcome.baselines());
        manifest = ArtifactFolder.writeManifest(folder, manifest);
        new ForecastReport(name, manifest, series, preset, outcome).write(folder);
        ArtifactFolder.open(folder);
        return manifest;
    }

    /**
     * Refuses to ship a file whose forecast of the series' last window differs from the trainer's: the
     * figures were measured on exports of the same graph, so the shipped one must compute what was trained.
     */
    private void checkParity(Path modelFile, ForecastTraining.Result shipped) throws IOException {
        double[] y = series.values();
        int end = y.length;
        double[] exported = OnnxForecasts.of(modelFile, shipped, y, new int[] {end}, end + preset.maxHorizon).get(end);
        double[] trainer = shipped.forecaster().forecast(y, end, exported.length);
        double spread = shipped.codec().scaler().spread();
        for (int h = 0; h < exported.length; h++) {
            if (Math.abs(exported[h] - trainer[h]) > PARITY * Math.max(1, Math.abs(trainer[h]) + spread)) {
                throw new IOException(String.format(Locale.ROOT, "%s forecasts %.6f %d steps ahead, the trainer %.6f",
                        modelFile, exported[h], h + 1, trainer[h]));
            }
        }
    }

    private String architecture(Manifest.SeriesPreprocessing section) {
        String net = settings.cell().name().toLowerCase(Locale.ROOT) + "-" + settings.layers() + "x" + settings.hidden()
                + (settings.members() > 1 ? "-ensemble" + settings.members() : "");
        return section.baseline() != null ? net + "+ar-fourier" : net;
    }

    private Map<String, String> hyperParameters(ForecastOutcome outcome) {
        Map<String, String> h = new TreeMap<>();
        SeriesCodec.Spec spec = settings.spec();
        h.put("cell", settings.cell().name());
        h.put("hidden", Integer.toString(settings.hidden()));
        h.put("layers", Integer.toString(settings.layers()));
        h.put("members", Integer.toString(settings.members()));
        h.put("window", Integer.toString(spec.window()));
        h.put("max_horizon", Integer.toString(spec.maxHorizon()));
        h.put("transforms", String.join(",", spec.transforms()));
        h.put("scaler", spec.scalerKind());
        h.put("target", spec.target());
        h.put("calendar_harmonics", Integer.toString(spec.calendarHarmonics()));
        h.put("strategy", SeriesCodec.DIRECT);
        h.put("dropout", Float.toString(settings.dropout()));
        h.put("weight_decay", Double.toString(settings.weightDecay()));
        h.put("batch_size", Integer.toString(settings.batchSize()));
        h.put("learning_rate", Double.toString(settings.learningRate()));
        h.put("clip_norm", Double.toString(settings.clipNorm()));
        h.put("loss", settings.loss().label());
        h.put("max_epochs", Integer.toString(settings.maxEpochs()));
        if (spans.validates()) {
            h.put("patience", Integer.toString(settings.patience()));
            h.put("validation_span", series.date(spans.validationStart()) + ".." + series.date(spans.testStart() - 1));
        }
        h.put("training_windows", Integer.toString(outcome.shipped().trainingPairs()));
        h.put("train_span", outcome.shippedSpan());
        h.put("gap_filling", series.gaps().isEmpty() ? "none needed" : series.gaps().describe());
        h.putAll(outcome.notes());
        return h;
    }
}
