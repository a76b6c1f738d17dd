package dev.seqserve.training.sentiment;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.training.data.Review;
import dev.seqserve.training.data.ReviewCsvReader;
import dev.seqserve.training.eval.OnnxEvaluation;
import dev.seqserve.training.onnx.OnnxExporter;
import dev.seqserve.training.onnx.OnnxSignatures;
import dev.seqserve.training.onnx.SentimentGraphReader;
import dev.seqserve.training.run.Provenance;
import dev.seqserve.training.run.RunOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code train reexport FOLDER}: exports a trained sentiment model's weights again with this version's graph builder
 * (which adds the {@code explain} input and the {@code attributions} output), proves the new file scores every dev
 * review as the old one did, redoes the attribution faithfulness check, and rewrites the folder's {@code model.onnx},
 * manifest and the report's explanations section. The weights, and so every figure of the training run, stay.
 */
@Command(name = "reexport", mixinStandardHelpOptions = true,
        description = "Exports a trained sentiment model's weights again with the current graph builder and redoes "
                + "the attribution faithfulness check (the weights and the training figures stay).")
public final class ReexportCommand implements Callable<Integer> {

    /** The largest difference in a dev review's probability the new file may show (ONNX Runtime's float noise). */
    static final double SAME_SCORE = 1e-6;
    private static final int BATCH = 64;

    @Mixin
    private RunOptions run;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "The artifact folder, e.g. model-artifacts/sentiment-gru.")
    private Path folder;

    @Option(names = "--dev", paramLabel = "FILE", description = "Dev reviews (default: DATA/imdb/dev.csv.gz); "
            + "must be the file the manifest names, by checksum.")
    private Path devFile;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Path dev = devFile != null ? devFile : run.data().resolve("imdb/dev.csv.gz");
        Outcome outcome = reexport(folder, dev);
        out.printf(Locale.ROOT, "%s: version %s -> %s; %d dev reviews, accuracy %.4f, largest probability change %.2e; "
                        + "faithfulness %.2f (top %.4f, random %.4f)%n", outcome.manifest().name(), outcome.from(),
                outcome.manifest().version(), outcome.reviews(), outcome.accuracy(), outcome.largestChange(),
                outcome.faithfulness().ratio(), outcome.faithfulness().topShift(), outcome.faithfulness().randomShift());
        return 0;
    }

    /**
     * @param from the version before
     * @param largestChange the largest difference of a dev review's probability between the old and new file
     */
    record Outcome(Manifest manifest, String from, int reviews, double accuracy, double largestChange,
            Explanations.Faithfulness faithfulness) {}

    static Outcome reexport(Path folder, Path devFile) throws Exception {
        Manifest manifest = ArtifactFolder.open(folder).manifest();
        if (manifest.task() != Manifest.Task.SENTIMENT) {
            throw new IllegalArgumentException(folder + " holds a " + manifest.task() + " model, not a sentiment one");
        }
        String devSha = Checksums.sha256(devFile);
        if (manifest.training() == null
                || manifest.training().data().stream().noneMatch(d -> d.role().equals("dev") && d.sha256().equals(devSha))) {
            throw new IllegalArgumentException(devFile + " is not the dev file the manifest names (SHA-256 " + devSha + ")");
        }
        TextEncoder encoder = TextEncoder.from(manifest, Files.readAllLines(folder.resolve(SentimentArtifact.VOCABULARY_FILE)));
        Path modelFile = folder.resolve(manifest.onnx().file());
        SentimentGraphReader.Read read = SentimentGraphReader.read(Files.readAllBytes(modelFile));
        Map<String, String> metadata = new TreeMap<>(read.metadata());
        metadata.put("exported_again_from", manifest.version());
        Path fresh = folder.resolve(manifest.onnx().file() + ".new");
        Manifest.OnnxModel written = OnnxExporter.writeSentiment(read.graph(), metadata, fresh);
        Manifest.OnnxModel onnx = OnnxSignatures.sentiment(manifest.onnx().file(), written.sha256());

        List<Review> reviews = ReviewCsvReader.read(devFile).reviews();
        double largest = 0;
        int correct = 0;
        Explanations.Faithfulness faithfulness;
        List<Explanations.Explained> examples;
        try {
            try (OnnxEvaluation before = new OnnxEvaluation(modelFile); OnnxEvaluation after = new OnnxEvaluation(fresh)) {
                for (int from = 0; from < reviews.size(); from += BATCH) {
                    List<Review> batch = reviews.subList(from, Math.min(reviews.size(), from + BATCH));
                    int[][] ids = batch.stream().map(r -> encoder.encode(r.text()).modelIds()).toArray(int[][]::new);
                    float[] old = before.sentiment(ids);
                    float[] now = after.sentiment(ids);
                    for (int i = 0; i < ids.length; i++) {
                        largest = Math.max(largest, Math.abs(old[i] - now[i]));
                        correct += (now[i] >= 0.5f) == batch.get(i).positive() ? 1 : 0;
                    }
                }
                if (largest > SAME_SCORE) {
                    throw new IllegalStateException("the new graph changes a dev probability by " + largest);
                }
                Explanations explanations = new Explanations(encoder, SentimentArtifact.scorer(after));
                faithfulness = explanations.faithfulness(reviews, SentimentArtifact.FAITHFULNESS_REVIEWS,
                        SentimentArtifact.FAITHFULNESS_SEED);
                examples = List.of(explanations.explain(Explanations.example(reviews, true)),
                        explanations.explain(Explanations.example(reviews, false)));
            }
            Files.move(fresh, modelFile, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            // Nothing of a run that failed stays in the folder.
            Files.deleteIfExists(fresh);
        }

        double accuracy = (double) correct / reviews.size();
        List<Manifest.Metric> metrics = new ArrayList<>();
        for (Manifest.Metric m : manifest.metrics()) {
            metrics.add(switch (m.name()) {
                case "accuracy" -> new Manifest.Metric(m.name(), accuracy, m.split());
                case "attribution_faithfulness" -> new Manifest.Metric(m.name(), faithfulness.ratio(), m.split());
                default -> m;
            });
        }
        Manifest next = new Manifest(manifest.formatVersion(), manifest.name(), manifest.task(), manifest.architecture(),
                Provenance.version(onnx.sha256()), manifest.created(), onnx, manifest.text(), manifest.series(), metrics,
                manifest.training(), manifest.files(), manifest.baselines());
        next = ArtifactFolder.writeManifest(folder, next);
        ArtifactFolder.open(folder);
        SentimentReport.replaceExplanations(folder, faithfulness, examples, String.format(Locale.ROOT,
                "The graph was exported again by `train reexport` from version `%s`, with the same weights: on "
                        + "all %d dev reviews the new file's probability differs from the old file's by at most %.1e.",
                manifest.version(), reviews.size(), largest));
        return new Outcome(next, manifest.version(), reviews.size(), accuracy, largest, faithfulness);
    }
}
