package dev.seqserve.training.sentiment;

import ai.onnxruntime.OrtException;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.data.Review;
import dev.seqserve.training.eval.OnnxEvaluation;
import dev.seqserve.training.onnx.NetExports;
import dev.seqserve.training.onnx.OnnxExporter;
import dev.seqserve.training.run.Phases;
import dev.seqserve.training.run.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a trained sentiment model's folder: model.onnx, vocab.txt, manifest.json, report.md and plots. The
 * manifest's accuracy is the shipped file's, scored by ONNX Runtime after export.
 */
final class SentimentArtifact {

    static final String VOCABULARY_FILE = "vocab.txt";

    /** Reviews the faithfulness check reads, and how many examples the report renders. */
    static final int FAITHFULNESS_REVIEWS = 500;
    static final long FAITHFULNESS_SEED = 7;

    /** Scores batches of token ids with the exported file: ONNX Runtime in the trainer; a test may wrap it. */
    interface FileScorer extends Explanations.Scorer, AutoCloseable {}

    /** Opens a scorer of an exported model file. */
    @FunctionalInterface
    interface FileScorers {
        FileScorer open(Path modelFile) throws Exception;
    }

    private final String name;
    private final SentimentTraining.Settings settings;
    private final ReviewSource source;
    private final int limit;
    private final Manifest.DataFile pretraining;
    private final FileScorers scorer;

    /**
     * @param pretraining the shared word vectors' description file with its SHA-256, or null without pretraining
     */
    SentimentArtifact(String name, SentimentTraining.Settings settings, ReviewSource source, int limit,
            Manifest.DataFile pretraining) {
        this(name, settings, source, limit, pretraining, SentimentArtifact::onnx);
    }

    SentimentArtifact(String name, SentimentTraining.Settings settings, ReviewSource source, int limit,
            Manifest.DataFile pretraining, FileScorers scorer) {
        this.name = name;
        this.settings = settings;
        this.source = source;
        this.limit = limit;
        this.pretraining = pretraining;
        this.scorer = scorer;
    }

    Manifest write(Path folder, SentimentTraining.Result result, SentimentBaselines.Outcome baseline, Phases phases)
            throws IOException {
        long start = System.nanoTime();
        List<Manifest.DataFile> data = new ArrayList<>(source.describe());
        if (pretraining != null) {
            data.add(pretraining);
        }
        Provenance provenance = Provenance.of(name, "sentiment", settings.seed(), hyperParameters(), data);
        Manifest.OnnxModel onnx = OnnxExporter.writeSentiment(
                NetExports.sentiment(result.net()), provenance.onnxMetadata(), folder.resolve("model.onnx"));
        result.encoder().vocabulary().write(folder.resolve(VOCABULARY_FILE));
        double onnxAccuracy;
        Explanations.Faithfulness faithfulness;
        List<Explanations.Explained> examples;
        try (FileScorer ort = scorer.open(folder.resolve(onnx.file()))) {
            onnxAccuracy = SentimentTraining.accuracy(ort::score, result.devSet());
            phases.add("export and ONNX Runtime scoring", (System.nanoTime() - start) / 1e9, "");
            long explaining = System.nanoTime();
            Explanations explanations = new Explanations(result.encoder(), ort);
            faithfulness = explanations.faithfulness(source.devReviews(), FAITHFULNESS_REVIEWS, FAITHFULNESS_SEED);
            examples = List.of(explanations.explain(Explanations.example(source.devReviews(), true)),
                    explanations.explain(Explanations.example(source.devReviews(), false)));
            phases.add("attribution faithfulness check", (System.nanoTime() - explaining) / 1e9,
                    faithfulness.reviews() + " dev reviews, each explained by one run");
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("ONNX Runtime could not score " + folder.resolve(onnx.file()) + ": " + e.getMessage(), e);
        }
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, name, Manifest.Task.SENTIMENT,
                architecture(), Provenance.version(onnx.sha256()), provenance.created(), onnx,
                result.encoder().describe(VOCABULARY_FILE), null,
                List.of(new Manifest.Metric("accuracy", onnxAccuracy, source.devName()),
                        new Manifest.Metric("trainer_accuracy", result.devAccuracy(), source.devName()),
                        new Manifest.Metric("attribution_faithfulness", faithfulness.ratio(), source.devName())),
                provenance.training(result.history()), null, baseline == null ? null : List.of(baseline.baseline()));
        manifest = ArtifactFolder.writeManifest(folder, manifest);
        ArtifactFolder.open(folder);
        new SentimentReport(name, settings, source, manifest, result, baseline, phases)
                .write(folder, faithfulness, examples);
        return manifest;
    }

    /** e.g. {@code bigru} or {@code lstm}. */
    private String architecture() {
        return (settings.bidirectional() ? "bi" : "") + settings.cell().name().toLowerCase(Locale.ROOT);
    }

    private Map<String, String> hyperParameters() {
        Map<String, String> h = new TreeMap<>();
        h.put("cell", settings.cell().name());
        h.put("vocabulary_size", Integer.toString(settings.vocabularySize()));
        h.put("embedding_dim", Integer.toString(settings.embeddingDim()));
        h.put("hidden", Integer.toString(settings.hidden()));
        h.put("bidirectional", Boolean.toString(settings.bidirectional()));
        h.put("max_length", Integer.toString(settings.maxLength()));
        h.put("truncation", settings.truncation().name());
        h.put("batch_size", Integer.toString(settings.batchSize()));
        h.put("learning_rate", Double.toString(settings.learningRate()));
        h.put("learning_rate_decay_per_epoch", Double.toString(settings.learningRateDecay()));
        h.put("clip_norm", Double.toString(settings.clipNorm()));
        h.put("dropout", Float.toString(settings.dropout()));
        h.put("adversarial", Float.toString(settings.adversarial()));
        h.put("max_epochs", Integer.toString(settings.maxEpochs()));
        h.put("patience", Integer.toString(settings.patience()));
        LanguageModelTraining.Settings lm = settings.languageModel();
        h.put("lm_epochs", Integer.toString(lm.epochs()));
        if (lm.resume() != null) {
            h.put("encoder_from_checkpoint", lm.resume().getFileName().toString());
        }
        if (lm.epochs() > 0) {
            h.put("lm_batch_size", Integer.toString(lm.batchSize()));
            h.put("lm_learning_rate", Double.toString(lm.learningRate()));
            h.put("lm_samples", Integer.toString(lm.samples()));
            h.put("lm_max_length", Integer.toString(lm.maxLength()));
        }
        h.put("pretrained_embedding", Boolean.toString(pretraining != null));
        h.put("pooling", "mean+max over real steps");
        h.put("optimizer", "adam");
        h.put("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        if (limit != Integer.MAX_VALUE) {
            h.put("train_limit", Integer.toString(limit));
        }
        return h;
    }

    static FileScorer onnx(Path modelFile) throws OrtException {
        return scorer(new OnnxEvaluation(modelFile));
    }

    /** A scorer over an open evaluation session, which closing the scorer closes. */
    static FileScorer scorer(OnnxEvaluation ort) {
        return new FileScorer() {
            @Override
            public float[] score(int[][] tokens) throws OrtException {
                return ort.sentiment(tokens);
            }

            @Override
            public OnnxEvaluation.Attributed attribute(int[] ids) throws OrtException {
                return ort.attributions(ids);
            }

            @Override
            public void close() throws OrtException {
                ort.close();
            }
        };
    }
}
