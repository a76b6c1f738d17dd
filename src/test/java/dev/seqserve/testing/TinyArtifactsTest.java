package dev.seqserve.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TinyArtifactsTest {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    @TempDir
    Path parent;

    @ParameterizedTest
    @ValueSource(strings = {"LSTM", "GRU"})
    void theSentimentFixtureIsAValidArtifactWhoseModelScoresReviews(String op) throws IOException, OrtException {
        ArtifactFolder artifact = ArtifactFolder.open(TinyArtifacts.sentiment(parent, "sentiment-test", op));

        Manifest m = artifact.manifest();
        assertThat(m.name()).isEqualTo("sentiment-test");
        assertThat(m.task()).isEqualTo(Manifest.Task.SENTIMENT);
        assertThat(m.onnx().sha256()).isEqualTo(Checksums.sha256(artifact.modelFile()));
        assertThat(artifact.vocabulary()).startsWith("<pad>", "<oov>").contains("great", "terrible", "movie", "the");
        assertThat(m.text().vocabularySize()).isEqualTo(artifact.vocabulary().size());

        long[][] ids = {{2, 11, 7, 15, 0}, {5, 12, 7, 20, 28}};
        try (OrtSession session = ENV.createSession(artifact.modelFile().toString());
                OnnxTensor x = OnnxTensor.createTensor(ENV, ids);
                OnnxTensor lens = OnnxTensor.createTensor(ENV, new int[] {4, 5});
                OnnxTensor explain = OnnxTensor.createTensor(ENV, false);
                OrtSession.Result result = session.run(Map.of("token_ids", x, "sequence_lens", lens, "explain", explain))) {
            float[] probability = (float[]) result.get("probability").orElseThrow().getValue();
            assertThat(probability).hasSize(2);
            assertThat(probability[0]).isStrictlyBetween(0f, 1f);
            assertThat(probability[1]).isStrictlyBetween(0f, 1f).isNotEqualTo(probability[0]);
            assertThat(session.getMetadata().getCustomMetadata()).containsEntry("version", TinyArtifacts.VERSION);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSTM", "GRU"})
    void theForecastFixtureIsAValidArtifactWhoseModelForecastsMaxHorizonSteps(String op)
            throws IOException, OrtException {
        ArtifactFolder artifact = ArtifactFolder.open(TinyArtifacts.forecast(parent, "forecast-test", op, 14, 7));

        Manifest.SeriesPreprocessing series = artifact.manifest().series();
        assertThat(series.window()).isEqualTo(14);
        assertThat(series.maxHorizon()).isEqualTo(7);
        assertThat(series.scaler().parameters()).containsEntry("mean", 10.0).containsEntry("std", 4.0);

        float[][][] window = new float[3][14][1];
        try (OrtSession session = ENV.createSession(artifact.modelFile().toString());
                OnnxTensor x = OnnxTensor.createTensor(ENV, window);
                OnnxTensor lens = OnnxTensor.createTensor(ENV, new int[] {14, 14, 14});
                OrtSession.Result result = session.run(Map.of("series", x, "sequence_lens", lens))) {
            float[][] forecast = (float[][]) result.get("forecast").orElseThrow().getValue();
            assertThat(forecast).hasDimensions(3, 7);
        }
    }
}
