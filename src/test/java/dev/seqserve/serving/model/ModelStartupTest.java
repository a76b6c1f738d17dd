package dev.seqserve.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.serving.SeqserveApplication;
import dev.seqserve.serving.SeqserveProperties;
import dev.seqserve.testing.TinyArtifacts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A bad artifact stops start-up with one message that names the folder, the file and the reason; a
 * good folder starts and its readiness contributor is DOWN until the registry is opened.
 */
@ExtendWith(OutputCaptureExtension.class)
class ModelStartupTest {

    @TempDir
    Path models;

    private Path sentiment;
    private Path forecast;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Meters.class, ModelConfiguration.class);

    @BeforeEach
    void writeGoodModels() throws IOException {
        sentiment = TinyArtifacts.sentiment(models, "sentiment-lstm", "LSTM");
        forecast = TinyArtifacts.forecast(models, "forecast-temperature", "GRU", 6, 3);
    }

    @Test
    void goodArtifactsStartAndAreNotReadyUntilOpened() {
        run().run(context -> {
            assertThat(context).hasNotFailed();
            ModelRegistry registry = context.getBean(ModelRegistry.class);
            assertThat(registry.all()).extracting(ServedModel::name).containsExactly("forecast-temperature", "sentiment-lstm");
            assertThat(registry.all()).extracting(m -> m.serving().ref().version())
                    .containsOnly(TinyArtifacts.VERSION);
            ModelsHealthIndicator health = context.getBean(ModelsHealthIndicator.class);
            assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");

            registry.open();

            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        });
    }

    @Test
    void aCorruptModelFileStopsStartUp() throws IOException {
        Manifest manifest = ArtifactFolder.open(sentiment).manifest();
        byte[] garbage = "this is not an ONNX model".getBytes(StandardCharsets.UTF_8);
        Files.write(sentiment.resolve("model.onnx"), garbage);
        rewriteChecksum(sentiment, manifest, Checksums.sha256(garbage));

        assertStartUpFails(sentiment, "model.onnx", "ONNX Runtime cannot load it");
    }

    @Test
    void aChecksumMismatchStopsStartUp() throws IOException {
        byte[] bytes = Files.readAllBytes(forecast.resolve("model.onnx"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(forecast.resolve("model.onnx"), bytes);

        assertStartUpFails(forecast, "model.onnx", "SHA-256 is");
    }

    @Test
    void aMissingVocabularyStopsStartUp() throws IOException {
        Files.delete(sentiment.resolve("vocab.txt"));

        assertStartUpFails(sentiment, "vocab.txt", "missing");
    }

    @Test
    void aMalformedManifestStopsStartUp() throws IOException {
        Files.writeString(forecast.resolve("manifest.json"), "{\"formatVersion\": 1, \"name\": ");

        assertStartUpFails(forecast, "manifest.json", "not a valid manifest");
    }

    @Test
    void aManifestForAnotherFolderStopsStartUp() throws IOException {
        Files.move(forecast, models.resolve("forecast-airline"));

        assertStartUpFails(models.resolve("forecast-airline"), "manifest.json", "but its folder is \"forecast-airline\"");
    }

    @Test
    void aManifestThatMisnamesTheGraphInputsStopsStartUp() throws IOException {
        Manifest m = ArtifactFolder.open(sentiment).manifest();
        Manifest.OnnxModel onnx = m.onnx();
        List<Manifest.TensorSpec> inputs = List.of(new Manifest.TensorSpec("ids", "int64", List.of("batch", "time")),
                onnx.inputs().get(1));
        ArtifactFolder.writeManifest(sentiment, new Manifest(m.formatVersion(), m.name(), m.task(), m.architecture(),
                m.version(), m.created(), new Manifest.OnnxModel(onnx.file(), onnx.sha256(), onnx.opset(), inputs,
                onnx.outputs()), m.text(), m.series(), m.metrics(), m.training()));

        assertStartUpFails(sentiment, "model.onnx", "but the manifest says [ids, sequence_lens]");
    }

    @Test
    void aMissingModelFolderStopsStartUp() {
        run("seqserve.models.location=" + models.resolve("absent")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(ModelLocationException.class)
                    .hasMessageContaining(models.resolve("absent").toString());
        });
    }

    @Test
    void theApplicationReportsABadArtifactInOneMessage(CapturedOutput output) throws IOException {
        Files.delete(sentiment.resolve("vocab.txt"));

        assertThatThrownBy(() -> new SpringApplicationBuilder(SeqserveApplication.class)
                .web(WebApplicationType.NONE)
                .run("--seqserve.models.location=" + models, "--spring.main.banner-mode=off")).isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Model artifact " + sentiment + ": vocab.txt: missing")
                .contains("Action:");
    }

    private void assertStartUpFails(Path folder, String file, String reason) {
        run().run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new ArtifactFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .startsWith("Model artifact " + folder.toAbsolutePath().normalize() + ": " + file + ": ")
                    .contains(reason)
                    .doesNotContain("\n");
        });
    }

    private ApplicationContextRunner run(String... properties) {
        return runner.withPropertyValues("seqserve.models.location=" + models)
                .withPropertyValues(properties);
    }

    private static void rewriteChecksum(Path folder, Manifest m, String sha256) throws IOException {
        Manifest.OnnxModel onnx = m.onnx();
        ArtifactFolder.writeManifest(folder, new Manifest(m.formatVersion(), m.name(), m.task(), m.architecture(),
                m.version(), m.created(), new Manifest.OnnxModel(onnx.file(), sha256, onnx.opset(), onnx.inputs(),
                onnx.outputs()), m.text(), m.series(), m.metrics(), m.training()));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SeqserveProperties.class)
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
