package dev.seqserve.training.forecast;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.PredictionIntervals;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.eval.DieboldMariano;
import dev.seqserve.training.eval.Metrics;
import dev.seqserve.training.report.Charts;
import dev.seqserve.training.report.MarkdownTable;
import dev.seqserve.training.run.EpochLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The forecaster's {@code report.md}: the model against every baseline, its intervals, phases and plots. */
final class ForecastReport {

    private final String name;
    private final Manifest manifest;
    private final Series series;
    private final SeriesPreset preset;
    private final ForecastOutcome outcome;

    ForecastReport(String name, Manifest manifest, Series series, SeriesPreset preset, ForecastOutcome outcome) {
        this.name = name;
        this.manifest = manifest;
        this.series = series;
        this.preset = preset;
        this.outcome = outcome;
    }

    void write(Path folder) throws IOException {
        ForecastOutcome.Evaluation e = outcome.evaluation();
        String best = bestBaseline();
        plots(folder, best);
        String report = "# " + name + "\n\n"
                + "Forecasts " + series.column() + " (" + manifest.series().frequency() + "), "
                + manifest.architecture().toUpperCase(Locale.ROOT) + ", version " + manifest.version()
                + ", trained " + manifest.created() + ".\n\n"
                + "## The model against the baselines\n\n"
                + "Scored on " + e.description() + ". MAE in the series' own units. " + e.modelScoring() + " "
                + beats(best) + "\n\n"
                + comparison() + "\n" + folds() + selection(folder)
                + "![forecasts against actuals, with the best baseline](forecast.png)\n\n"
                + "Shipped weights: " + manifest.training().hyperParameters().get("shipped_weights") + ".\n\n"
                + intervals()
                + "## How a forecast is made\n\n" + ForecastDescription.of(manifest.series()) + "\n\n"
                + "Gaps: " + series.gaps().describe() + "\n\n"
                + "## Time per phase\n\n" + phases() + "\n"
                + "## Training\n\n" + epochs() + "\n![training curves](training.png)\n\n"
                + "## Configuration\n\n" + configuration() + "\n"
                + "Data: `" + manifest.training().data().get(0).path() + "`, SHA-256 `"
                + manifest.training().data().get(0).sha256() + "`.\n\n"
                + "Reproduce: `./mvnw -q compile exec:exec -Dtrain.args=\"forecast --series "
                + preset.name().toLowerCase(Locale.ROOT) + "\"`.\n";
        Files.writeString(folder.resolve("report.md"), report);
    }

    private double mae(String method) {
        return Metrics.mae(outcome.evaluation().forecasts().get(method), outcome.evaluation().actual());
    }

    private String bestBaseline() {
        return outcome.evaluation().descriptions().keySet().stream().min(Comparator.comparingDouble(this::mae))
                .orElseThrow();
    }

    /** Whether the model beats every baseline, and the test of equal accuracy against {@code best}. */
    private String beats(String best) {
        double model = mae(ForecastOutcome.MODEL);
        List<String> lost = outcome.evaluation().descriptions().keySet().stream().filter(b -> mae(b) <= model).toList();
        ForecastOutcome.Evaluation e = outcome.evaluation();
        DieboldMariano dm = DieboldMariano.absoluteError(e.forecasts().get(ForecastOutcome.MODEL), e.forecasts().get(best),
                e.actual());
        return (lost.isEmpty() ? "The model's MAE is below every baseline's."
                : "The model's MAE is **not** below " + String.join(", ", lost) + ".")
                + " Against " + best + ", the best baseline, the Diebold–Mariano test of equal accuracy gives "
                + dm.describe() + (dm.pValue() < 0.05 ? ": the difference is significant at 5%."
                        : ": at 5% the two cannot be told apart on these values.");
    }

    private MarkdownTable comparison() {
        double model = mae(ForecastOutcome.MODEL);
        MarkdownTable table = new MarkdownTable("method", "MAE", "model / method", "how");
        table.row("**model**", number(model), "1.000", manifest.architecture());
        outcome.evaluation().descriptions().forEach((method, how) ->
                table.row(method, number(mae(method)), String.format(Locale.ROOT, "%.3f", model / mae(method)), how));
        return table;
    }

    private String folds() {
        if (outcome.folds().isEmpty()) {
            return "";
        }
        List<String> methods = new ArrayList<>(outcome.folds().get(0).mae().keySet());
        List<String> header = new ArrayList<>(List.of("origin", "trained on", "training windows"));
        header.addAll(methods);
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (ForecastOutcome.FoldRow row : outcome.folds()) {
            List<Object> cells = new ArrayList<>(List.of(row.label(), row.trainedOn(), row.windows()));
            methods.forEach(m -> cells.add(number(row.mae().get(m))));
            table.row(cells.toArray());
        }
        List<Object> mean = new ArrayList<>(List.of("mean", "", ""));
        methods.forEach(m -> mean.add(number(outcome.folds().stream().mapToDouble(r -> r.mae().get(m)).average()
                .orElseThrow())));
        table.row(mean.toArray());
        return "Per origin (MAE):\n\n" + table + "\n";
    }

    private String selection(Path folder) {
        if (outcome.folds().isEmpty()) {
            return "";
        }
        return "The settings are those with the lowest mean MAE over these origins in the grid `forecast-select` "
                + "searches" + (Files.isRegularFile(folder.resolve("selection.md")) ? " ([ranking](selection.md))" : "")
                + "; each origin's network and baselines saw only the values before its 1 January.\n\n";
    }

    private String intervals() {
        PredictionIntervals p = outcome.intervals();
        MarkdownTable table = new MarkdownTable("method", "level", "steps ahead", "coverage", "mean width", "intervals");
        for (IntervalCheck.Coverage c : outcome.coverage()) {
            table.row(c.method(), String.format(Locale.ROOT, "%.0f%%", c.level() * 100), c.steps(),
                    String.format(Locale.ROOT, "%.1f%%", c.coverage() * 100), number(c.meanWidth()), c.count());
        }
        String errors = p.errors() == PredictionIntervals.Errors.LOG
                ? "the absolute difference of the logarithms (the interval is the forecast times e^±radius, so it grows "
                        + "with the level of the series and stays positive)"
                : "the absolute error (the interval is the forecast ± radius)";
        return "## Prediction intervals\n\n"
                + "Split-conformal: for each step ahead the manifest keeps the scores of out-of-sample forecasts, "
                + "each score " + errors + ". The interval at level α takes the ⌈(n + 1)·α⌉-th smallest of the "
                + "step's n scores as its radius; the server computes it from the manifest with the same "
                + "`PredictionIntervals` class. Calibration of the shipped model: " + p.calibration() + "; "
                + p.calibrationSize(0) + " scores one step ahead, " + p.calibrationSize(p.steps() - 1) + " at "
                + p.steps() + " steps.\n\n"
                + "What it assumes: that a new forecast's error is exchangeable with the calibration errors, "
                + "i.e. drawn from the same distribution (the same season mix, the same volatility, a model as "
                + "good as the one calibrated), so coverage holds on average over time, not for each day or "
                + "month; errors of neighbouring origins are correlated, which leaves the average coverage "
                + "unbiased but makes it noisier than independent draws would.\n\n"
                + "Checked out of sample on the scored span above (every origin's forecast, at the steps ahead shown), "
                + "beside the same construction applied to the reference baseline"
                + (outcome.folds().isEmpty() ? "" : "; each origin year's intervals are calibrated without the "
                        + "forecasts that reach into that year (leave one year out)")
                + ":\n\n" + table + "\n"
                + "![fan chart](fan.png)\n\n";
    }

    private MarkdownTable phases() {
        MarkdownTable table = new MarkdownTable("phase", "seconds");
        outcome.phases().forEach(p -> table.row(p.name(), String.format(Locale.ROOT, "%.1f", p.seconds())));
        table.row("total", String.format(Locale.ROOT, "%.1f",
                outcome.phases().stream().mapToDouble(dev.seqserve.training.run.PhaseTimes.Phase::seconds).sum()));
        return table;
    }

    private String epochs() {
        ForecastTraining.Result run = outcome.selection();
        boolean validated = run != outcome.shipped();
        String lossColumn = "train loss (" + run.nets().get(0).config().loss().label() + ", model space)";
        MarkdownTable table = validated
                ? new MarkdownTable("epoch", lossColumn, "validation MAE", "seconds")
                : new MarkdownTable("epoch", lossColumn, "seconds");
        for (EpochLoop.Epoch e : run.history().epochs()) {
            String loss = String.format(Locale.ROOT, "%.5f", e.trainLoss());
            String seconds = String.format(Locale.ROOT, "%.2f", e.seconds());
            if (validated) {
                table.row(e.number(), loss, String.format(Locale.ROOT, "%.4f", -e.devMetric()), seconds);
            } else {
                table.row(e.number(), loss, seconds);
            }
        }
        return (validated ? "The selection run: early stopping kept epoch " + run.history().bestEpoch()
                + ", the epoch count of the refit and of the shipped weights.\n\n"
                : "The shipped weights: a fixed number of epochs, the last kept.\n\n") + table;
    }

    private MarkdownTable configuration() {
        MarkdownTable config = new MarkdownTable("setting", "value");
        manifest.training().hyperParameters().forEach(config::row);
        config.row("seed", manifest.training().seed());
        return config;
    }

    private void plots(Path folder, String best) throws IOException {
        ForecastOutcome.Evaluation e = outcome.evaluation();
        var lines = Charts.named();
        lines.put("actual", points(e.actual()));
        lines.put(name, points(e.forecasts().get(ForecastOutcome.MODEL)));
        lines.put(best + " (best baseline)", points(e.forecasts().get(best)));
        Charts.lines(folder.resolve("forecast.png"), name + ": " + e.split(), "step", series.column(), lines);
        ForecastOutcome.Fan fan = outcome.fan();
        List<Charts.Band> bands = new ArrayList<>();
        for (PredictionIntervals.Bounds b : fan.bounds()) {
            bands.add(0, new Charts.Band(String.format(Locale.ROOT, "forecast, %.0f%% interval", b.level() * 100),
                    b.lower(), b.upper()));
        }
        Charts.fan(folder.resolve("fan.png"), name + ": " + fan.title(), fan.xLabel(), series.column(), fan.actual(),
                fan.forecast(), bands);
        var curves = Charts.named();
        ForecastTraining.Result run = outcome.selection();
        if (run != outcome.shipped()) {
            curves.put("validation MAE", Charts.indexed(run.history().epochs().stream().map(x -> -x.devMetric()).toList()));
            Charts.lines(folder.resolve("training.png"), name + ": validation MAE by epoch", "epoch", series.column(),
                    curves);
        } else {
            curves.put("train loss", Charts.indexed(run.history().epochs().stream().map(EpochLoop.Epoch::trainLoss).toList()));
            Charts.lines(folder.resolve("training.png"), name + ": training loss by epoch", "epoch", "MSE, model space",
                    curves);
        }
    }

    private static List<double[]> points(double[] values) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new double[] {i + 1, values[i]});
        }
        return points;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
