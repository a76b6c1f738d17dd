package dev.seqserve.testing;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.artifact.Manifest.OnnxModel;
import dev.seqserve.training.onnx.DenseWeights;
import dev.seqserve.training.onnx.ForecastGraph;
import dev.seqserve.training.onnx.OnnxExporter;
import dev.seqserve.training.onnx.RecurrentWeights;
import dev.seqserve.training.onnx.SentimentGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes small but complete, valid artifact folders (seeded random weights in {@code model.onnx},
 * {@code manifest.json} with the right SHA-256, and {@code vocab.txt} for sentiment) for tests that
 * need a model to load.
 */
public final class TinyArtifacts {

    /** The seed of every fixture's weights, so fixtures are the same on every run. */
    public static final long SEED = 20240501L;
    /** The fixtures' model version. */
    public static final String VERSION = "0.0.1-fixture";
    /** The sentiment fixture's vocabulary: {@code <pad>} is id 0, {@code <oov>} id 1. */
    public static final List<String> VOCABULARY = List.of(
            "<pad>", "<oov>", "the", "a", "and", "this", "it", "was", "is", "not", "very", "movie", "film",
            "plot", "acting", "great", "good", "excellent", "loved", "wonderful", "terrible", "bad", "awful",
            "boring", "hated", "worst", ".", ",", "!", "?");
    /** The maximum review length in the sentiment fixture's manifest. */
    public static final int MAX_LENGTH = 64;

    private static final String CREATED = "2024-05-01T12:00:00Z";
    private static final int EMBEDDING = 8;
    private static final int HIDDEN = 6;

    private TinyArtifacts() {}

    /**
     * Writes a sentiment artifact into {@code parent/name}.
     *
     * @param op {@code "LSTM"} or {@code "GRU"}
     * @return the artifact folder
     */
    public static Path sentiment(Path parent, String name, String op) throws IOException {
        Path folder = parent.resolve(name);
        Random random = new Random(SEED);
        SentimentGraph graph = new SentimentGraph(VOCABULARY.size(), EMBEDDING,
                floats(random, VOCABULARY.size() * EMBEDDING), recurrent(random, op, EMBEDDING),
                new DenseWeights(2 * HIDDEN, 1, floats(random, 2 * HIDDEN), floats(random, 1)));
        String architecture = op.toLowerCase(Locale.ROOT);
        OnnxModel onnx = OnnxExporter.writeSentiment(graph, provenance(name, architecture),
                folder.resolve("model.onnx"));
        Files.write(folder.resolve("vocab.txt"), VOCABULARY);
        Manifest.TextPreprocessing text = new Manifest.TextPreprocessing(true, true, true, "vocab.txt",
                VOCABULARY.size(), 0, 1, MAX_LENGTH, Manifest.Truncation.HEAD);
        ArtifactFolder.writeManifest(folder, new Manifest(Manifest.FORMAT_VERSION, name, Manifest.Task.SENTIMENT,
                architecture, VERSION, CREATED, onnx, text, null, List.of(), training(EMBEDDING)));
        return folder;
    }

    /**
     * Writes a one-feature, direct multi-step forecast artifact into {@code parent/name}; its graph
     * outputs {@code maxHorizon} values and its scaler is standard with mean 10 and std 4.
     *
     * @param op {@code "LSTM"} or {@code "GRU"}
     * @return the artifact folder
     */
    public static Path forecast(Path parent, String name, String op, int window, int maxHorizon) throws IOException {
        return forecast(parent, name, op, window, maxHorizon, 0, null);
    }

    /**
     * The calibration of a fixture's intervals: {@link #CALIBRATION_SCORES} absolute errors per step,
     * {@code 0.1·(h + 1)·i} for {@code i = 1..n} at step {@code h}, so the 0.8 interval of step 0 (rank
     * ⌈20·0.8⌉ = 16) has radius 1.6 and the highest level is n / (n + 1) = 0.95.
     */
    public static Manifest.SeriesPreprocessing.Intervals calibration(int maxHorizon) {
        List<List<Double>> scores = new java.util.ArrayList<>();
        for (int h = 0; h < maxHorizon; h++) {
            List<Double> step = new java.util.ArrayList<>();
            for (int i = CALIBRATION_SCORES; i >= 1; i--) {
                step.add(0.1 * (h + 1) * i);
            }
            scores.add(step.stream().sorted().toList());
        }
        return new Manifest.SeriesPreprocessing.Intervals("split-conformal", "absolute", "fixture scores", scores);
    }

    /** Scores per step of {@link #calibration}. */
    public static final int CALIBRATION_SCORES = 19;

    /**
     * Writes a direct multi-step forecast artifact into {@code parent/name} that reads {@code calendarHarmonics}
     * annual sine/cosine pairs beside each value (so a request must give a date when it is above 0).
     *
     * @param intervals the manifest's interval calibration, or {@code null} for none
     */
    public static Path forecast(Path parent, String name, String op, int window, int maxHorizon, int calendarHarmonics,
            Manifest.SeriesPreprocessing.Intervals intervals) throws IOException {
        Path folder = parent.resolve(name);
        Random random = new Random(SEED);
        int features = 1 + 2 * calendarHarmonics;
        ForecastGraph graph = new ForecastGraph(features, List.of(recurrent(random, op, features)),
                new DenseWeights(HIDDEN, maxHorizon, floats(random, HIDDEN * maxHorizon), floats(random, maxHorizon)));
        String architecture = op.toLowerCase(Locale.ROOT) + "-1x" + HIDDEN;
        OnnxModel onnx = OnnxExporter.writeForecast(graph, provenance(name, architecture),
                folder.resolve("model.onnx"));
        Manifest.SeriesPreprocessing series = new Manifest.SeriesPreprocessing("daily", window, maxHorizon, "direct",
                List.of(), new Manifest.Scaler("standard", Map.of("mean", 10.0, "std", 4.0)), "value",
                calendarHarmonics, null, intervals);
        ArtifactFolder.writeManifest(folder, new Manifest(Manifest.FORMAT_VERSION, name, Manifest.Task.FORECAST,
                architecture, VERSION, CREATED, onnx, null, series, List.of(), training(features)));
        return folder;
    }

    private static RecurrentWeights recurrent(Random random, String op, int inputSize) {
        int gates = op.equals(RecurrentWeights.LSTM) ? 4 : 3;
        return new RecurrentWeights(op, inputSize, HIDDEN, floats(random, gates * HIDDEN * inputSize),
                floats(random, gates * HIDDEN * HIDDEN), floats(random, 2 * gates * HIDDEN));
    }

    private static float[] floats(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() - 0.5);
        }
        return values;
    }

    private static Map<String, String> provenance(String name, String architecture) {
        return Map.of("name", name, "version", VERSION, "architecture", architecture,
                "seed", String.valueOf(SEED), "created", CREATED, "fixture", "true");
    }

    private static Manifest.Training training(int inputWidth) {
        return new Manifest.Training(SEED,
                Map.of("hidden", String.valueOf(HIDDEN), "input", String.valueOf(inputWidth), "epochs", "0"),
                List.of(), 0, 0, List.of());
    }
}
