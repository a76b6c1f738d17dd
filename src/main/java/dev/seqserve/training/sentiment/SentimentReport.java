package dev.seqserve.training.sentiment;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.onnx.OnnxSignatures;
import dev.seqserve.training.report.Charts;
import dev.seqserve.training.report.MarkdownTable;
import dev.seqserve.training.run.EpochLoop;
import dev.seqserve.training.run.Phases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sentiment artifact's {@code report.md} and {@code training.png}: the model beside its baseline, and how it got there. */
final class SentimentReport {

    static final String REPORT_FILE = "report.md";
    private static final String EXPLANATIONS_HEADING = "## Explanations\n\n";

    private final String name;
    private final SentimentTraining.Settings settings;
    private final ReviewSource source;
    private final Manifest manifest;
    private final SentimentTraining.Result result;
    private final SentimentBaselines.Outcome baseline;
    private final Phases phases;

    SentimentReport(String name, SentimentTraining.Settings settings, ReviewSource source, Manifest manifest,
            SentimentTraining.Result result, SentimentBaselines.Outcome baseline, Phases phases) {
        this.name = name;
        this.settings = settings;
        this.source = source;
        this.manifest = manifest;
        this.result = result;
        this.baseline = baseline;
        this.phases = phases;
    }

    void write(Path folder, Explanations.Faithfulness faithfulness, List<Explanations.Explained> examples)
            throws IOException {
        EpochLoop.History history = result.history();
        Map<String, List<double[]>> curves = Charts.named();
        curves.put("dev accuracy (" + name + ")",
                Charts.indexed(history.epochs().stream().map(EpochLoop.Epoch::devMetric).toList()));
        if (baseline != null) {
            double nbLr = baseline.baseline().value();
            curves.put("dev accuracy (NB-LR baseline)", List.of(new double[] {1, nbLr},
                    new double[] {Math.max(2, history.epochs().size()), nbLr}));
        }
        curves.put("train loss (BCE)", Charts.indexed(history.epochs().stream().map(EpochLoop.Epoch::trainLoss).toList()));
        Charts.lines(folder.resolve("training.png"), name + ": fine-tuning, with the NB-LR baseline", "epoch", "value",
                curves);
        String report = "# " + name + "\n\n"
                + "Review sentiment, " + describeArchitecture() + " (version " + manifest.version() + ", trained "
                + manifest.created() + ").\n\n"
                + "## Result\n\n" + results() + "\n![training curves](training.png)\n\n"
                + "## Time per phase\n\n"
                + "Wall-clock time on this machine (" + Runtime.getRuntime().availableProcessors() + " cores); the "
                + "epoch tables give the load average, which says whether other work shared the cores.\n\n"
                + phaseTable() + "\n"
                + languageModelSection()
                + "## Fine-tuning epochs\n\n" + epochTable() + "\n"
                + "## Model\n\n" + modelText() + "\n\n"
                + EXPLANATIONS_HEADING + explanations(faithfulness, examples) + "\n"
                + "## Configuration\n\n" + configTable() + "\n"
                + "## Data\n\n" + dataTable() + "\n"
                + "Reproduce: `./mvnw -q compile exec:exec -Dtrain.args=\"sentiment --arch "
                + settings.cell().name().toLowerCase(Locale.ROOT) + "\"`.\n";
        Files.writeString(folder.resolve(REPORT_FILE), report);
    }

    private String describeArchitecture() {
        String cell = settings.cell().name();
        return (settings.bidirectional() ? "bidirectional " + cell + " " + settings.hidden() + " per direction"
                : cell + " " + settings.hidden());
    }

    private String results() {
        double accuracy = manifest.metric("accuracy").orElseThrow();
        MarkdownTable table = new MarkdownTable("method", "dev accuracy", "how");
        table.row("**" + name + "**", String.format(Locale.ROOT, "**%.4f**", accuracy),
                "ONNX Runtime on the shipped `model.onnx` (the trainer's own forward pass: "
                        + String.format(Locale.ROOT, "%.4f", result.devAccuracy()) + "); weights of fine-tuning epoch "
                        + result.history().bestEpoch() + " of " + result.history().epochs().size());
        if (baseline != null) {
            Manifest.Baseline b = baseline.baseline();
            table.row(b.name(), String.format(Locale.ROOT, "%.4f", b.value()), b.description() + " ("
                    + baseline.features() + " n-gram features; dev accuracy by C: " + byC() + ")");
        }
        String margin = baseline == null ? "" : String.format(Locale.ROOT, "%nThe model is %+.2f points from the "
                + "NB-LR baseline on the same %d dev reviews.%n", 100 * (accuracy - baseline.baseline().value()),
                result.devSet().ids().length);
        return "Measured on `" + source.devName() + "`, the split that chose every setting and epoch (the held-back "
                + "test reviews were never read).\n\n" + table + margin;
    }

    private String byC() {
        StringBuilder text = new StringBuilder();
        baseline.accuracyByC().forEach((c, a) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s → %.4f", c, a)));
        return text.toString();
    }

    private String phaseTable() {
        MarkdownTable table = new MarkdownTable("phase", "time", "note");
        for (Phases.Phase p : phases.list()) {
            table.row(p.name(), Phases.format(p.seconds()), p.note());
        }
        table.row("**total**", "**" + Phases.format(phases.total()) + "**", "");
        return table.toString();
    }

    private String languageModelSection() {
        List<LanguageModelTraining.Epoch> epochs = result.languageModelEpochs();
        if (epochs.isEmpty()) {
            return "";
        }
        MarkdownTable table = new MarkdownTable("epoch", "loss per token (sampled softmax)", "seconds");
        for (LanguageModelTraining.Epoch e : epochs) {
            table.row(e.number(), String.format(Locale.ROOT, "%.4f", e.loss()), String.format(Locale.ROOT, "%.1f", e.seconds()));
        }
        return "## Language-model pretraining epochs\n\nThe embedding and recurrent layers first learn to predict "
                + "each next token (forward) and previous token (backward) of the train and unlabelled reviews.\n\n"
                + table + "\n";
    }

    private String epochTable() {
        MarkdownTable table = new MarkdownTable("epoch", "train loss", "dev accuracy", "seconds", "load average");
        for (EpochLoop.Epoch e : result.history().epochs()) {
            table.row(e.number(), String.format(Locale.ROOT, "%.4f", e.trainLoss()),
                    String.format(Locale.ROOT, "%.4f", e.devMetric()), String.format(Locale.ROOT, "%.1f", e.seconds()),
                    String.format(Locale.ROOT, "%.1f", e.loadAverage()));
        }
        return table.toString();
    }

    private String modelText() {
        String cell = settings.cell().name();
        return "Token ids → embedding " + settings.embeddingDim() + " → " + (settings.bidirectional()
                ? cell + " " + settings.hidden() + " forwards and another backwards" : cell + " " + settings.hidden())
                + " → mean and max of the hidden states over the real (unpadded) steps" + (settings.bidirectional()
                ? " of each direction" : "") + " → dropout (training only) → dense → sigmoid. Exported as ONNX opset "
                + OnnxSignatures.OPSET + " with the native " + cell + " operator"
                + (settings.bidirectional() ? " (`direction=bidirectional`)" : "")
                + " and `sequence_lens`, so padding never changes a result.\n\n"
                + "Preprocessing: HTML tags such as `<br />` removed, lower-cased, punctuation split into tokens; "
                + "vocabulary of " + (manifest.text().vocabularySize() - 2) + " tokens plus `<pad>` (0) and `<oov>` "
                + "(1); at most " + settings.maxLength() + " tokens, keeping the "
                + (settings.truncation() == Manifest.Truncation.HEAD ? "first" : "last") + " ones.";
    }

    /**
     * Rewrites the explanations section of the report in {@code folder}, after {@code note}, leaving the rest.
     *
     * @throws IOException when the report has no such section
     */
    static void replaceExplanations(Path folder, Explanations.Faithfulness f, List<Explanations.Explained> examples,
            String note) throws IOException {
        Path report = folder.resolve(REPORT_FILE);
        String text = Files.readString(report);
        int start = text.indexOf(EXPLANATIONS_HEADING);
        int end = start < 0 ? -1 : text.indexOf("\n## ", start + EXPLANATIONS_HEADING.length());
        if (end < 0) {
            throw new IOException(report + " has no " + EXPLANATIONS_HEADING.strip() + " section");
        }
        Files.writeString(report, text.substring(0, start) + EXPLANATIONS_HEADING + note + "\n\n"
                + explanations(f, examples) + text.substring(end));
    }

    private static String explanations(Explanations.Faithfulness f, List<Explanations.Explained> examples) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "`\"explain\": true` answers give each "
                + "token's weight as its contribution to the logit: the change its step made to each direction's "
                + "recurrent state, as the mean and max pooling and the output layer read that state, so a review's "
                + "weights add up to its log-odds minus the output bias. The graph computes them in the same run as "
                + "the score when its `explain` input is true; a plain run skips them. "
                + "Faithfulness on the first %d dev reviews of at least %d tokens: removing the "
                + "%d tokens that most support the predicted label moves the score towards the other label by %.4f "
                + "on average, removing %d random tokens by %.4f: **%.1f times** as much.%n%n", f.reviews(),
                Explanations.MIN_TOKENS, Explanations.REMOVED, f.topShift(), Explanations.REMOVED, f.randomShift(),
                f.ratio()));
        for (Explanations.Explained e : examples) {
            text.append(Explanations.render(e, 8)).append('\n');
        }
        return text.toString();
    }

    private String configTable() {
        MarkdownTable table = new MarkdownTable("setting", "value");
        manifest.training().hyperParameters().forEach(table::row);
        table.row("seed", manifest.training().seed());
        return table.toString();
    }

    private String dataTable() {
        MarkdownTable table = new MarkdownTable("role", "file", "SHA-256");
        manifest.training().data().forEach(f -> table.row(f.role(), f.path(), f.sha256()));
        return table.toString();
    }
}
