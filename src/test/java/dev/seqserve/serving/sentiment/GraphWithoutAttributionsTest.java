package dev.seqserve.serving.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.serving.SeqserveProperties;
import dev.seqserve.serving.model.ModelLease;
import dev.seqserve.serving.model.ModelMetrics;
import dev.seqserve.serving.model.ModelRegistry;
import dev.seqserve.serving.model.TaskType;
import dev.seqserve.serving.model.TokenIds;
import dev.seqserve.serving.model.TokenScore;
import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import dev.seqserve.testing.TinyArtifacts;
import dev.seqserve.training.onnx.proto.Onnx.GraphProto;
import dev.seqserve.training.onnx.proto.Onnx.ModelProto;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A sentiment graph exported before the {@code explain} input existed (token ids and lengths in, the probability
 * out) still loads and scores; asking it to explain is a 400 {@code explanations-unavailable}, not a 500.
 */
class GraphWithoutAttributionsTest {

    private static final String NAME = "plain-sentiment";

    @Test
    void aGraphWithoutTheExplainInputScoresAndRefusesToExplainWithAClearProblem(@TempDir Path dir) throws Exception {
        Path folder = withoutAttributions(TinyArtifacts.sentiment(dir, NAME, "GRU"));
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        source.put("seqserve.models.location", dir.toString());
        source.put("seqserve.sentiment.default-model", NAME);
        SeqserveProperties properties = new Binder(source).bindOrCreate("seqserve", SeqserveProperties.class);
        ModelMetrics metrics = new ModelMetrics(new SimpleMeterRegistry());

        try (ModelRegistry registry = ModelRegistry.load(properties, metrics, metrics);
                ModelLease<TextEncoder, TokenIds, TokenScore> lease = registry.lease(TaskType.SENTIMENT, NAME, null)) {
            assertThat(ArtifactFolder.open(folder).manifest().onnx().inputs()).hasSize(2);
            assertThat(lease.version().explains()).isFalse();
            TokenScore plain = lease.version().infer(List.of(TokenIds.plain(new int[] {2, 5, 7}))).get(0);
            assertThat(plain.probability()).isBetween(0f, 1f);
            assertThat(plain.attributions()).isNull();

            assertThatThrownBy(() -> new TokenAttributions(properties).explain(lease.version(), List.of("good film")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.type()).isEqualTo(ProblemType.EXPLANATIONS_UNAVAILABLE));
        }
    }

    /** The artifact with its graph cut back to the older signature: no explain input, no attributions output. */
    private static Path withoutAttributions(Path folder) throws Exception {
        Path modelFile = folder.resolve("model.onnx");
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(modelFile));
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = graph.getNodeCount() - 1; i >= 0; i--) {
            if (graph.getNode(i).getOpType().equals("If")) {
                graph.removeNode(i);
            }
        }
        for (int i = graph.getInputCount() - 1; i >= 0; i--) {
            if (graph.getInput(i).getName().equals("explain")) {
                graph.removeInput(i);
            }
        }
        for (int i = graph.getOutputCount() - 1; i >= 0; i--) {
            if (graph.getOutput(i).getName().equals("attributions")) {
                graph.removeOutput(i);
            }
        }
        byte[] bytes = model.toBuilder().setGraph(graph).build().toByteArray();
        Files.write(modelFile, bytes);
        Manifest m = ArtifactFolder.readManifest(folder);
        Manifest.OnnxModel onnx = new Manifest.OnnxModel(m.onnx().file(), Checksums.sha256(bytes), m.onnx().opset(),
                m.onnx().inputs().subList(0, 2), m.onnx().outputs().subList(0, 1));
        ArtifactFolder.writeManifest(folder, new Manifest(m.formatVersion(), m.name(), m.task(), m.architecture(),
                m.version(), m.created(), onnx, m.text(), m.series(), m.metrics(), m.training(), m.files(), m.baselines()));
        return folder;
    }
}
