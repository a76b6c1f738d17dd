package dev.seqserve.training;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.data.SeriesCsvReader;
import dev.seqserve.training.nn.CellType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code Train forecast}: trains a series forecaster and writes its artifact folder. */
final class ForecastCommand {

    private final Options options;
    private final PrintStream out;

    ForecastCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws IOException {
        SeriesPreset preset = SeriesPreset.named(options.string("series", null));
        Path file = preset.seriesFile(options);
        Path outDir = Path.of(options.string("out", "model-artifacts"));
        String name = options.string("name", preset.modelName);
        String arch = options.string("arch", preset.arch).toLowerCase(Locale.ROOT);
        String transforms = options.string("transforms", String.join(",", preset.transforms));
        int window = options.integer("window", preset.window);
        int maxHorizon = options.integer("max-horizon", preset.maxHorizon);
        String scaler = options.string("scaler", "standard");
        String target = options.string("target", preset.target);
        CellType cell = CellType.valueOf(arch.toUpperCase(Locale.ROOT));
        int hidden = options.integer("hidden", preset.net.hidden());
        int layers = options.integer("layers", preset.net.layers());
        float dropout = (float) options.decimal("dropout", 0.0);
        double weightDecay = options.decimal("weight-decay", preset.net.weightDecay());
        int batch = options.integer("batch", preset.net.batchSize());
        double lr = options.decimal("lr", preset.net.learningRate());
        double clip = options.decimal("clip", 1.0);
        int epochs = options.integer("epochs", preset.net.epochs());
        int patience = options.integer("patience", preset.net.patience());
        long seed = options.longValue("seed", 42);
        options.requireAllRead();

        Series series = SeriesCsvReader.read(file);
        SeriesCodec.Spec spec = new SeriesCodec.Spec(series.frequency().manifestName(), window, maxHorizon,
                transforms.isBlank() ? List.of() : Arrays.asList(transforms.split(",")), scaler, target);
        ForecastTraining.Settings run = new ForecastTraining.Settings(cell, spec, hidden, layers, dropout,
                weightDecay, batch, lr, clip, epochs, patience, seed);
        ForecastSpans spans = ForecastSpans.of(series, preset);
        out.printf(Locale.ROOT, "training %s on %s: %d values %s..%s, %s%n", name, file, series.size(),
                series.start(), series.end(), series.gaps().describe());

        ForecastTraining.Result result = new ForecastTraining(run, out).train(series.values(), spans.split());
        RollingOriginCv.Outcome cv = crossValidate(preset, series, run);
        Path folder = outDir.resolve(name);
        Files.createDirectories(folder);
        new ForecastArtifact(name, run, preset, series, spans, cv).write(folder, result);
    }

    /**
     * The same settings on the preset's rolling origins, for the report; {@code null} when the preset
     * has none or these settings need more history than the first origin gives.
     */
    private RollingOriginCv.Outcome crossValidate(SeriesPreset preset, Series series, ForecastTraining.Settings run) {
        if (preset.cvOrigins.isEmpty()) {
            return null;
        }
        RollingOriginCv cv = new RollingOriginCv(
                RollingOrigins.of(series, preset.cvOrigins, preset.testStart, preset.testHorizon), preset.period);
        Optional<String> why = cv.infeasibility(run.spec(), series.values());
        if (why.isPresent()) {
            out.println("no rolling-origin cross-validation in the report: " + why.get());
            return null;
        }
        out.printf(Locale.ROOT, "rolling-origin cross-validation of these settings on %s%n", cv.origins().describe());
        RollingOriginCv.Outcome outcome = cv.run(run, series.values());
        double[] mae = outcome.perOrigin(run.maxEpochs());
        double[] naive = outcome.seasonalNaive();
        double[] growth = outcome.seasonalGrowth();
        for (int i = 0; i < mae.length; i++) {
            out.printf(Locale.ROOT, "  origin %d: MAE %.2f, seasonal naive %.2f, seasonal growth %.2f%n",
                    preset.cvOrigins.get(i), mae[i], naive[i], growth[i]);
        }
        return outcome;
    }
}
