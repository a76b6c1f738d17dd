package dev.seqserve.training.sentiment;

import dev.seqserve.training.eval.OnnxEvaluation;
import dev.seqserve.training.run.Provenance;
import dev.seqserve.training.run.EpochLoop;
import ai.onnxruntime.OrtException;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.onnx.NetExports;
import dev.seqserve.training.onnx.OnnxExporter;
import dev.seqserve.training.onnx.OnnxSignatures;
import dev.seqserve.training.report.Charts;
import dev.seqserve.training.report.MarkdownTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a trained sentiment model's folder: model.onnx, vocab.txt, manifest.json, report.md and plots. */
final class SentimentArtifact {

    private static final String VOCABULARY_FILE = "vocab.txt";

    private final String name;
    private final SentimentTraining.Settings settings;
    private final ReviewSource source;
    private final int limit;

    SentimentArtifact(String name, SentimentTraining.Settings settings, ReviewSource source, int limit) {
        this.name = name;
        this.settings = settings;
        this.source = source;
        this.limit = limit;
    }

    Manifest write(Path folder, SentimentTraining.Result result) throws IOException {
        Provenance provenance = Provenance.of(name, "sentiment", settings.seed(), hyperParameters(), source.describe());
        Manifest.OnnxModel onnx = OnnxExporter.writeSentiment(
                NetExports.sentiment(result.net()), provenance.onnxMetadata(), folder.resolve("model.onnx"));
        result.encoder().vocabulary().write(folder.resolve(VOCABULARY_FILE));
        double onnxAccuracy = onnxAccuracy(folder.resolve(onnx.file()), result);
        Manifest.TextPreprocessing text = result.encoder().describe(VOCABULARY_FILE);
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, name, Manifest.Task.SENTIMENT,
                settings.cell().name().toLowerCase(Locale.ROOT), Provenance.version(onnx.sha256()),
                provenance.created(), onnx, text, null,
                List.of(new Manifest.Metric("accuracy", onnxAccuracy, source.devName()),
                        new Manifest.Metric("trainer_accuracy", result.devAccuracy(), source.devName())),
                provenance.training(result.history()));
        manifest = ArtifactFolder.writeManifest(folder, manifest);
        writeReport(folder, manifest, result);
        ArtifactFolder.open(folder);
        return manifest;
    }

    private Map<String, String> hyperParameters() {
        Map<String, String> h = new TreeMap<>();
        h.put("cell", settings.cell().name());
        h.put("vocabulary_size", Integer.toString(settings.vocabularySize()));
        h.put("embedding_dim", Integer.toString(settings.embeddingDim()));
        h.put("hidden", Integer.toString(settings.hidden()));
        h.put("max_length", Integer.toString(settings.maxLength()));
        h.put("truncation", settings.truncation().name());
        h.put("batch_size", Integer.toString(settings.batchSize()));
        h.put("learning_rate", Double.toString(settings.learningRate()));
        h.put("clip_norm", Double.toString(settings.clipNorm()));
        h.put("dropout", Float.toString(settings.dropout()));
        h.put("max_epochs", Integer.toString(settings.maxEpochs()));
        h.put("patience", Integer.toString(settings.patience()));
        h.put("pooling", "mean+max over real steps");
        h.put("optimizer", "adam");
        h.put("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        if (limit != Integer.MAX_VALUE) {
            h.put("train_limit", Integer.toString(limit));
        }
        return h;
    }

    private static double onnxAccuracy(Path modelFile, SentimentTraining.Result result) throws IOException {
        try (OnnxEvaluation ort = new OnnxEvaluation(modelFile)) {
            return SentimentTraining.accuracy(ort::sentiment, result.devSet());
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime could not score " + modelFile, e);
        }
    }

    private void writeReport(Path folder, Manifest manifest, SentimentTraining.Result result) throws IOException {
        EpochLoop.History history = result.history();
        var curves = Charts.named();
        curves.put("train loss (BCE)", Charts.indexed(history.epochs().stream().map(EpochLoop.Epoch::trainLoss).toList()));
        curves.put("dev accuracy", Charts.indexed(history.epochs().stream().map(EpochLoop.Epoch::devMetric).toList()));
        Charts.lines(folder.resolve("training.png"), name + ": training curves", "epoch", "value", curves);

        MarkdownTable epochs = new MarkdownTable("epoch", "train loss", "dev accuracy", "seconds", "load average");
        for (EpochLoop.Epoch e : history.epochs()) {
            epochs.row(e.number(), fmt(e.trainLoss()), fmt(e.devMetric()), String.format(Locale.ROOT, "%.1f", e.seconds()),
                    String.format(Locale.ROOT, "%.1f", e.loadAverage()));
        }
        MarkdownTable config = new MarkdownTable("setting", "value");
        manifest.training().hyperParameters().forEach(config::row);
        config.row("seed", manifest.training().seed());
        MarkdownTable data = new MarkdownTable("role", "file", "SHA-256");
        manifest.training().data().forEach(f -> data.row(f.role(), f.path(), f.sha256()));

        String report = "# " + name + "\n\n"
                + "Review sentiment, " + manifest.architecture().toUpperCase(Locale.ROOT) + " (version "
                + manifest.version() + ", trained " + manifest.created() + ").\n\n"
                + "## Result\n\n"
                + String.format(Locale.ROOT,
                        "Accuracy on `%s`: **%.4f**, measured by ONNX Runtime on the shipped `model.onnx` "
                                + "(the trainer's own forward pass: %.4f). Weights from epoch %d of %d "
                                + "(early stopping on dev accuracy).%n%n",
                        source.devName(), manifest.metric("accuracy").orElseThrow(), result.devAccuracy(),
                        history.bestEpoch(), history.epochs().size())
                + "## Epochs\n\nSeconds are the training time of each epoch on this machine ("
                + Runtime.getRuntime().availableProcessors() + " cores) at the configuration below; the load average "
                + "says how busy the machine was (above the core count, other work shared the cores).\n\n"
                + epochs + "\n![training curves](training.png)\n\n"
                + "## Model\n\n"
                + "Token ids → embedding → " + manifest.architecture().toUpperCase(Locale.ROOT)
                + " → mean and max of the hidden states over the real (unpadded) steps → dropout (training only) "
                + "→ dense → sigmoid. Exported as ONNX opset " + OnnxSignatures.OPSET
                + " with the native recurrent operator and `sequence_lens`, so padding never changes a result.\n\n"
                + "Preprocessing: HTML tags such as `<br />` removed, lower-cased, punctuation split into tokens; "
                + "vocabulary of the " + (manifest.text().vocabularySize() - 2)
                + " most frequent train tokens plus `<pad>` (0) and `<oov>` (1); at most "
                + settings.maxLength() + " tokens, keeping the " + (settings.truncation() == Manifest.Truncation.HEAD
                        ? "first" : "last") + " ones.\n\n"
                + "## Configuration\n\n" + config + "\n"
                + "## Data\n\n" + data + "\n"
                + "Reproduce: `./mvnw -q compile exec:exec -Dtrain.args=\"sentiment --arch "
                + manifest.architecture() + "\"`.\n";
        Files.writeString(folder.resolve("report.md"), report);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
