package dev.seqserve.training.forecast;

import dev.seqserve.training.run.EpochLoop;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.report.Charts;
import dev.seqserve.training.report.MarkdownTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The forecaster's {@code report.md}, its training curve and its forecast-against-actuals plot. */
final class ForecastReport {

    private final String name;
    private final Manifest manifest;
    private final Series series;
    private final ForecastSpans spans;
    private final SeriesPreset preset;
    private final Map<String, double[]> forecasts;
    private final ForecastTraining.Result result;
    private final RollingOriginCv.Outcome cv;

    ForecastReport(String name, Manifest manifest, Series series, ForecastSpans spans, SeriesPreset preset,
            Map<String, double[]> forecasts, ForecastTraining.Result result, RollingOriginCv.Outcome cv) {
        this.name = name;
        this.manifest = manifest;
        this.series = series;
        this.spans = spans;
        this.preset = preset;
        this.forecasts = forecasts;
        this.result = result;
        this.cv = cv;
    }

    void write(Path folder) throws IOException {
        plots(folder);
        Manifest.SeriesPreprocessing sp = manifest.series();
        MarkdownTable metrics = new MarkdownTable("metric", "value", "measured on");
        manifest.metrics().forEach(m -> metrics.row(m.name(), String.format(Locale.ROOT, "%.4f", m.value()), m.split()));
        MarkdownTable epochs = epochTable();
        MarkdownTable config = new MarkdownTable("setting", "value");
        manifest.training().hyperParameters().forEach(config::row);
        config.row("seed", manifest.training().seed());
        double model = manifest.metric("mae").orElseThrow();
        StringBuilder verdict = new StringBuilder();
        for (Manifest.Metric m : manifest.metrics()) {
            if (m.name().endsWith("_mae") && !m.name().equals("validation_mae") && !m.name().startsWith("cv_")) {
                verdict.append(String.format(Locale.ROOT, "- against %s: %.4f vs %.4f (ratio %.3f)%n",
                        m.name().replace("_mae", ""), model, m.value(), model / m.value()));
            }
        }
        String report = "# " + name + "\n\n"
                + "Forecasts " + series.column() + " (" + sp.frequency() + "), "
                + manifest.architecture().toUpperCase(Locale.ROOT) + ", version " + manifest.version()
                + ", trained " + manifest.created() + ".\n\n"
                + "## Result\n\n"
                + "Test: " + testDescription() + " Errors are in the series' own units; the model's figures are "
                + "measured by ONNX Runtime on the shipped `model.onnx`.\n\n"
                + metrics + "\n"
                + "Model MAE " + String.format(Locale.ROOT, "%.4f", model) + ":\n\n" + verdict + "\n"
                + "![forecast against actuals](forecast.png)\n\n"
                + "## How a forecast is made\n\n"
                + "Direct strategy: the network reads the last " + sp.window() + " values (after the transforms) "
                + "and outputs all " + sp.maxHorizon() + " steps at once; a request for a shorter horizon takes the "
                + "first steps. Transforms, in order: " + (sp.transforms().isEmpty() ? "none" : "`"
                        + String.join("`, `", sp.transforms()) + "`")
                + "; then a " + sp.scaler().kind() + " scaler fitted on the training span only "
                + sp.scaler().parameters() + ". Target: "
                + ("change".equals(sp.target()) ? "the change from the last value, divided by the scaler's spread"
                        : "the scaled value")
                + ". The same `SeriesCodec` class does this in training and in the server, parameterised by the "
                + "manifest.\n\n"
                + "Gaps: " + series.gaps().describe() + "\n\n"
                + selection(folder)
                + "## Training\n\n"
                + trainingDescription(manifest.training().hyperParameters().get("train_span"),
                        manifest.training().hyperParameters().get("validation_span"))
                + epochs + "\n![training curves](training.png)\n\n"
                + "## Configuration\n\n" + config + "\n"
                + "Data: `" + manifest.training().data().get(0).path() + "`, SHA-256 `"
                + manifest.training().data().get(0).sha256() + "`.\n\n"
                + "Reproduce: `./mvnw -q compile exec:exec -Dtrain.args=\"forecast --series "
                + preset.name().toLowerCase(Locale.ROOT) + "\"`.\n";
        Files.writeString(folder.resolve("report.md"), report);
    }

    private String trainingDescription(String trainSpan, String validationSpan) {
        if (spans.validates()) {
            return "Trained on " + trainSpan + " (" + result.trainingPairs() + " windows), early stopping on the MAE of "
                    + validationSpan + "; the test span was not used for training or model selection. Weights from "
                    + "epoch " + result.history().bestEpoch() + ".\n\n";
        }
        return "Trained on " + trainSpan + " (" + result.trainingPairs() + " windows) for "
                + result.history().epochs().size() + " epochs without early stopping; the weights of the last epoch "
                + "ship. The epoch count is a setting like the others, chosen by the cross-validation above; the "
                + "test span was not used for training or model selection.\n\n";
    }

    private MarkdownTable epochTable() {
        boolean validated = spans.validates();
        MarkdownTable epochs = validated
                ? new MarkdownTable("epoch", "train loss (MSE, model space)", "validation MAE", "seconds")
                : new MarkdownTable("epoch", "train loss (MSE, model space)", "seconds");
        for (EpochLoop.Epoch e : result.history().epochs()) {
            String loss = String.format(Locale.ROOT, "%.5f", e.trainLoss());
            String seconds = String.format(Locale.ROOT, "%.2f", e.seconds());
            if (validated) {
                epochs.row(e.number(), loss, String.format(Locale.ROOT, "%.4f", -e.devMetric()), seconds);
            } else {
                epochs.row(e.number(), loss, seconds);
            }
        }
        return epochs;
    }

    /** The cross-validation of the shipped settings, per origin, beside the seasonal-naive forecast. */
    private String selection(Path folder) {
        if (cv == null) {
            return "";
        }
        int epochs = result.history().epochs().size();
        double[] mae = cv.perOrigin(epochs);
        double[] naive = cv.seasonalNaive();
        double[] growth = cv.seasonalGrowth();
        MarkdownTable table = new MarkdownTable("origin", "training values", "training windows", "model MAE",
                "seasonal naive MAE", "seasonal growth MAE");
        for (int i = 0; i < mae.length; i++) {
            RollingOriginCv.FoldResult f = cv.folds().get(i);
            table.row(f.fold().year(), series.date(0) + ".." + series.date(f.fold().origin() - 1), f.trainingWindows(),
                    String.format(Locale.ROOT, "%.2f", mae[i]), String.format(Locale.ROOT, "%.2f", naive[i]),
                    String.format(Locale.ROOT, "%.2f", growth[i]));
        }
        table.row("mean", "", "", String.format(Locale.ROOT, "%.2f", ForecastArtifact.mean(mae)),
                String.format(Locale.ROOT, "%.2f", ForecastArtifact.mean(naive)),
                String.format(Locale.ROOT, "%.2f", ForecastArtifact.mean(growth)));
        int first = cv.folds().get(0).fold().year();
        int last = cv.folds().get(cv.folds().size() - 1).fold().year();
        return "## Selection: rolling-origin cross-validation\n\n"
                + "The preset's settings are those with the lowest mean MAE over the rolling origins " + first + ".."
                + last + " in the grid that `forecast-select` searches"
                + (Files.isRegularFile(folder.resolve("selection.md")) ? " ([ranking](selection.md))" : "") + "; "
                + "the table cross-validates the settings this model was trained with. "
                + "For each origin a network with these settings and seed is trained on every value before 1 January "
                + "of that year, for the same fixed number of epochs, and forecasts the year's " + preset.testHorizon
                + " months at once as the server does. Only origins up to " + last + " were used: every fold ends "
                + "before the test span (" + preset.testStart + " on), which chose nothing. The seasonal-naive "
                + "forecast repeats the year before the origin; seasonal growth multiplies it by that year's growth "
                + "over the year before.\n\n"
                + table + "\n";
    }

    private String testDescription() {
        return spans.testHorizon() == 1
                ? "every day of " + series.date(spans.testStart()) + ".." + series.date(spans.testEnd() - 1)
                        + " forecast one step ahead from all values before it (persistence = the previous value; "
                        + "AR(" + ForecastArtifact.AR_ORDER + ") = ordinary least squares on the last "
                        + ForecastArtifact.AR_ORDER + " values, fitted on everything before the test)."
                : "the " + spans.testHorizon() + " steps from " + series.date(spans.testStart())
                        + " forecast at once from the values before it (seasonal naive = the same month a year "
                        + "earlier; seasonal growth = seasonal naive times the last year's growth over the year "
                        + "before, the trend a trend-following forecast carries on).";
    }

    private void plots(Path folder) throws IOException {
        var lines = Charts.named();
        List<double[]> actual = new ArrayList<>();
        for (int t = spans.testStart(); t < spans.testEnd(); t++) {
            actual.add(new double[] {t - spans.testStart() + 1, series.value(t)});
        }
        lines.put("actual", actual);
        forecasts.forEach((method, values) -> {
            if (method.equals("model") || method.equals("persistence") && spans.testHorizon() == 1
                    || method.startsWith("seasonal_") && spans.testHorizon() > 1) {
                List<double[]> points = new ArrayList<>();
                for (int i = 0; i < values.length; i++) {
                    points.add(new double[] {i + 1, values[i]});
                }
                lines.put(method.equals("model") ? name : method, points);
            }
        });
        Charts.lines(folder.resolve("forecast.png"), name + ": test forecasts against actuals",
                "step from " + series.date(spans.testStart()), series.column(), lines);
        var curves = Charts.named();
        if (spans.validates()) {
            curves.put("validation MAE", Charts.indexed(
                    result.history().epochs().stream().map(e -> -e.devMetric()).toList()));
            Charts.lines(folder.resolve("training.png"), name + ": validation MAE by epoch", "epoch", series.column(),
                    curves);
        } else {
            curves.put("train loss", Charts.indexed(
                    result.history().epochs().stream().map(EpochLoop.Epoch::trainLoss).toList()));
            Charts.lines(folder.resolve("training.png"), name + ": training loss by epoch", "epoch",
                    "MSE, model space", curves);
        }
    }
}
