package dev.seqserve.training;

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

    ForecastReport(String name, Manifest manifest, Series series, ForecastSpans spans, SeriesPreset preset,
            Map<String, double[]> forecasts, ForecastTraining.Result result) {
        this.name = name;
        this.manifest = manifest;
        this.series = series;
        this.spans = spans;
        this.preset = preset;
        this.forecasts = forecasts;
        this.result = result;
    }

    void write(Path folder) throws IOException {
        plots(folder);
        Manifest.SeriesPreprocessing sp = manifest.series();
        MarkdownTable metrics = new MarkdownTable("metric", "value", "measured on");
        manifest.metrics().forEach(m -> metrics.row(m.name(), String.format(Locale.ROOT, "%.4f", m.value()), m.split()));
        MarkdownTable epochs = new MarkdownTable("epoch", "train loss (MSE, model space)", "validation MAE", "seconds");
        result.history().epochs().forEach(e -> epochs.row(e.number(), String.format(Locale.ROOT, "%.5f", e.trainLoss()),
                String.format(Locale.ROOT, "%.4f", -e.devMetric()), String.format(Locale.ROOT, "%.2f", e.seconds())));
        MarkdownTable config = new MarkdownTable("setting", "value");
        manifest.training().hyperParameters().forEach(config::row);
        config.row("seed", manifest.training().seed());
        double model = manifest.metric("mae").orElseThrow();
        StringBuilder verdict = new StringBuilder();
        for (Manifest.Metric m : manifest.metrics()) {
            if (m.name().endsWith("_mae") && !m.name().equals("validation_mae")) {
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
                + "## Training\n\n"
                + "Trained on " + manifest.training().hyperParameters().get("train_span") + " ("
                + result.trainingPairs() + " windows), early stopping on the MAE of "
                + manifest.training().hyperParameters().get("validation_span") + "; the test span was not used "
                + "for training or model selection. Weights from epoch " + result.history().bestEpoch() + ".\n\n"
                + epochs + "\n![training curves](training.png)\n\n"
                + "## Configuration\n\n" + config + "\n"
                + "Data: `" + manifest.training().data().get(0).path() + "`, SHA-256 `"
                + manifest.training().data().get(0).sha256() + "`.\n\n"
                + "Reproduce: `./mvnw -q compile exec:exec -Dtrain.args=\"forecast --series "
                + preset.name().toLowerCase(Locale.ROOT) + "\"`.\n";
        Files.writeString(folder.resolve("report.md"), report);
    }

    private String testDescription() {
        return spans.testHorizon() == 1
                ? "every day of " + series.date(spans.testStart()) + ".." + series.date(spans.testEnd() - 1)
                        + " forecast one step ahead from all values before it (persistence = the previous value; "
                        + "AR(" + ForecastArtifact.AR_ORDER + ") = ordinary least squares on the last "
                        + ForecastArtifact.AR_ORDER + " values, fitted on everything before the test)."
                : "the " + spans.testHorizon() + " steps from " + series.date(spans.testStart())
                        + " forecast at once from the values before it (seasonal naive = the same month a year "
                        + "earlier).";
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
                    || method.equals("seasonal_naive") && spans.testHorizon() > 1) {
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
        curves.put("validation MAE", Charts.indexed(
                result.history().epochs().stream().map(e -> -e.devMetric()).toList()));
        Charts.lines(folder.resolve("training.png"), name + ": validation MAE by epoch", "epoch", series.column(),
                curves);
    }
}
