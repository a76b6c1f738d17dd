package dev.seqserve.bench;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.testing.TinyArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The artifacts a run measures: the shipped sentiment models and the temperature forecaster, or small
 * fixtures with the same names (written under the output folder) while the shipped ones do not exist yet.
 *
 * @param location the folder the service loads, holding every artifact below
 * @param sentiment the sentiment models found
 * @param forecast the forecast model, or {@code null} if there is none
 * @param fixtures whether these are fixtures rather than trained models
 */
record BenchModels(Path location, List<ArtifactFolder> sentiment, ArtifactFolder forecast, boolean fixtures) {

    static final List<String> SENTIMENT = List.of("sentiment-lstm", "sentiment-gru");
    static final String FORECAST = "forecast-temperature";

    static BenchModels resolve(Path models, Path out) throws IOException {
        List<ArtifactFolder> sentiment = new ArrayList<>();
        for (String name : SENTIMENT) {
            if (Files.isRegularFile(models.resolve(name).resolve(ArtifactFolder.MANIFEST_FILE))) {
                sentiment.add(ArtifactFolder.open(models.resolve(name)));
            }
        }
        if (sentiment.isEmpty()) {
            return fixtures(out.resolve("fixture-artifacts"));
        }
        Path forecast = models.resolve(FORECAST);
        return new BenchModels(models, List.copyOf(sentiment),
                Files.isRegularFile(forecast.resolve(ArtifactFolder.MANIFEST_FILE)) ? ArtifactFolder.open(forecast) : null,
                false);
    }

    /** Writes fixtures: an LSTM and a GRU sentiment model (vocabulary of 30, hidden 6) and an LSTM forecaster. */
    private static BenchModels fixtures(Path folder) throws IOException {
        Files.createDirectories(folder);
        ArtifactFolder lstm = ArtifactFolder.open(TinyArtifacts.sentiment(folder, SENTIMENT.get(0), "LSTM"));
        ArtifactFolder gru = ArtifactFolder.open(TinyArtifacts.sentiment(folder, SENTIMENT.get(1), "GRU"));
        ArtifactFolder forecast = ArtifactFolder.open(TinyArtifacts.forecast(folder, FORECAST, "LSTM", 30, 7));
        return new BenchModels(folder, List.of(lstm, gru), forecast, true);
    }
}
