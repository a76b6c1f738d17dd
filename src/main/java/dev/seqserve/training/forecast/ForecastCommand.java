package dev.seqserve.training.forecast;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.data.SeriesCsvReader;
import dev.seqserve.training.nn.CellType;
import dev.seqserve.training.nn.ForecastLoss;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.seqserve.training.run.RunOptions;

/** {@code train forecast}: trains a series forecaster and writes its artifact folder. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Trains a series forecaster and writes model-artifacts/forecast-<series>/.")
public final class ForecastCommand implements Callable<Integer> {

    @Mixin
    private RunOptions run;

    @Mixin
    private SeriesOption seriesOption;

    @Option(names = "--name", description = "The model's name (default: the preset's).")
    private String name;

    @Option(names = "--arch", description = "gru or lstm (default: the preset's).")
    private String arch;

    @Option(names = "--transforms", description = "Comma-separated transforms, e.g. log,difference:12 (default: the preset's).")
    private String transforms;

    @Option(names = "--window", description = "Values the model reads (default: the preset's).")
    private Integer window;

    @Option(names = "--max-horizon", description = "The most steps ahead (default: the preset's).")
    private Integer maxHorizon;

    @Option(names = "--scaler", description = "standard or minmax (default: ${DEFAULT-VALUE}).")
    private String scaler = "standard";

    @Option(names = "--target", description = "change, value or residual (of the AR+Fourier baseline) (default: the preset's).")
    private String target;

    @Option(names = "--blend", negatable = true, description = "Blend the AR+Fourier baseline into the network's "
            + "forecasts with the weight chosen on the validation years (default: the preset's).")
    private Boolean blend;

    @Option(names = "--blend-years", description = "Validation years whose pooled one-step MAE chooses the blend's "
            + "weight: the validation span's and those just before it, each forecast by models fitted before it "
            + "(default: the preset's).")
    private Integer blendYears;

    @Option(names = "--calendar-harmonics", description = "Annual sine/cosine pairs read beside each value (default: the preset's).")
    private Integer calendarHarmonics;

    @Option(names = "--hidden", description = "Recurrent units per layer (default: the preset's).")
    private Integer hidden;

    @Option(names = "--layers", description = "Recurrent layers (default: the preset's).")
    private Integer layers;

    @Option(names = "--dropout", description = "Dropout between layers (default: ${DEFAULT-VALUE}).")
    private float dropout = 0f;

    @Option(names = "--weight-decay", description = "Decoupled weight decay (default: the preset's).")
    private Double weightDecay;

    @Option(names = "--batch", description = "Windows per batch (default: the preset's).")
    private Integer batch;

    @Option(names = "--lr", description = "Adam learning rate (default: the preset's).")
    private Double lr;

    @Option(names = "--loss", description = "squared or absolute: what training minimises (default: ${DEFAULT-VALUE}).")
    private String loss = "squared";

    @Option(names = "--clip", description = "Gradient norm clipping (default: ${DEFAULT-VALUE}).")
    private double clip = 1.0;

    @Option(names = "--members", description = "Networks trained with seeds seed, seed + 1, … and averaged in one graph (default: the preset's).")
    private Integer members;

    @Option(names = "--epochs", description = "The most epochs, or the exact count without a validation span (default: the preset's).")
    private Integer epochs;

    @Option(names = "--patience", description = "Epochs without improvement before stopping (default: the preset's).")
    private Integer patience;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws IOException {
        SeriesPreset preset = seriesOption.preset();
        Path file = seriesOption.file(run);
        String modelName = name != null ? name : preset.modelName;
        String cellName = (arch != null ? arch : preset.arch).toLowerCase(Locale.ROOT);
        String transformList = transforms != null ? transforms : String.join(",", preset.transforms);
        CellType cell = CellType.valueOf(cellName.toUpperCase(Locale.ROOT));

        Series series = SeriesCsvReader.read(file);
        SeriesCodec.Spec spec = new SeriesCodec.Spec(series.frequency().manifestName(),
                window != null ? window : preset.window, maxHorizon != null ? maxHorizon : preset.maxHorizon,
                transformList.isBlank() ? List.of() : Arrays.asList(transformList.split(",")), scaler,
                target != null ? target : preset.target,
                calendarHarmonics != null ? calendarHarmonics : preset.calendarHarmonics);
        ForecastTraining.Settings settings = new ForecastTraining.Settings(cell, spec,
                hidden != null ? hidden : preset.net.hidden(), layers != null ? layers : preset.net.layers(), dropout,
                weightDecay != null ? weightDecay : preset.net.weightDecay(),
                batch != null ? batch : preset.net.batchSize(), lr != null ? lr : preset.net.learningRate(), clip,
                epochs != null ? epochs : preset.net.epochs(), patience != null ? patience : preset.net.patience(),
                run.seed()).withMembers(members != null ? members : preset.net.members())
                .withLoss(ForecastLoss.parse(loss));
        ForecastSpans spans = ForecastSpans.of(series, preset);
        out.printf(Locale.ROOT, "training %s on %s: %d values %s..%s, %s%n", modelName, file, series.size(),
                series.start(), series.end(), series.gaps().describe());

        if (!preset.cvOrigins.isEmpty() && (Boolean.TRUE.equals(blend) || blendYears != null)) {
            throw new IllegalArgumentException("--blend and --blend-years need a validation span to choose the weight; " + modelName
                    + " is scored on rolling origins");
        }
        ForecastOutcome outcome = preset.cvOrigins.isEmpty()
                ? new HoldoutPipeline(settings, series, spans, blendYears(blend, blendYears, preset.blendYears), out).run()
                : new RollingPipeline(settings, series, preset, out).run();
        Path folder = run.out().resolve(modelName);
        Files.createDirectories(folder);
        new ForecastArtifact(modelName, settings, preset, series, spans).write(folder, outcome);
        out.println("wrote " + folder);
        return 0;
    }

    /**
     * How many validation years choose the blend's weight, 0 for no blend.
     *
     * @param blend {@code --blend} (true), {@code --no-blend} (false) or neither (null)
     * @param years {@code --blend-years}, or null
     * @param presetYears the series preset's
     */
    static int blendYears(Boolean blend, Integer years, int presetYears) {
        if (Boolean.FALSE.equals(blend)) {
            return 0;
        }
        if (years != null) {
            if (years < (Boolean.TRUE.equals(blend) ? 1 : 0)) {
                throw new IllegalArgumentException("--blend-years must be at least " + (Boolean.TRUE.equals(blend)
                        ? "1 with --blend" : "0") + ", was " + years);
            }
            return years;
        }
        return Boolean.TRUE.equals(blend) ? Math.max(presetYears, 1) : presetYears;
    }
}
