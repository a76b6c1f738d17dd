package dev.seqserve.bench;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.testing.TinyArtifacts;
import dev.seqserve.training.forecast.SeriesPreset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The artifacts a run measures: the shipped sentiment models and forecasters, or small fixtures with the
 * same names (written under the output folder) while the shipped ones do not exist yet.
 *
 * @param location the folder the service loads, holding every artifact below
 * @param sentiment the sentiment models found
 * @param forecast the forecast models found
 * @param fixtures whether these are fixtures rather than trained models
 */
record BenchModels(Path location, List<ArtifactFolder> sentiment, List<ArtifactFolder> forecast, boolean fixtures) {

    static final List<String> SENTIMENT = List.of("sentiment-lstm", "sentiment-gru");
    static final List<String> FORECAST = Arrays.stream(SeriesPreset.values()).map(p -> p.modelName).toList();

    static BenchModels resolve(Path models, Path out) throws IOException {
        List<ArtifactFolder> sentiment = found(models, SENTIMENT);
        if (sentiment.isEmpty()) {
            return fixtures(out.resolve("fixture-artifacts"));
        }
        return new BenchModels(models, sentiment, found(models, FORECAST), false);
    }

    private static List<ArtifactFolder> found(Path models, List<String> names) throws IOException {
        List<ArtifactFolder> found = new ArrayList<>();
        for (String name : names) {
            if (Files.isRegularFile(models.resolve(name).resolve(ArtifactFolder.MANIFEST_FILE))) {
                found.add(ArtifactFolder.open(models.resolve(name)));
            }
        }
        return List.copyOf(found);
    }

    /** Writes fixtures: an LSTM and a GRU sentiment model (vocabulary of 30, hidden 6) and an LSTM forecaster per name. */
    private static BenchModels fixtures(Path folder) throws IOException {
        Files.createDirectories(folder);
        ArtifactFolder lstm = ArtifactFolder.open(TinyArtifacts.sentiment(folder, SENTIMENT.get(0), "LSTM"));
        ArtifactFolder gru = ArtifactFolder.open(TinyArtifacts.sentiment(folder, SENTIMENT.get(1), "GRU"));
        List<ArtifactFolder> forecast = new ArrayList<>();
        for (String name : FORECAST) {
            forecast.add(ArtifactFolder.open(TinyArtifacts.forecast(folder, name, "LSTM", 30, 7)));
        }
        return new BenchModels(folder, List.of(lstm, gru), List.copyOf(forecast), true);
    }
}
