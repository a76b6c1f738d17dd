package dev.seqserve.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest.OnnxModel;
import dev.seqserve.artifact.Manifest.TensorSpec;
import dev.seqserve.training.onnx.proto.Onnx.ModelProto;
import dev.seqserve.training.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    private static final Map<String, String> PROVENANCE = Map.of(
            "version", "2024.05.01-3", "seed", "42", "data.sha256", "ab12cd", "hidden", "5", "arch", "gru");

    @Test
    void onnxRuntimeReadsTheProvenanceFromTheMetadata() throws OrtException {
        byte[] model = OnnxExporter.sentiment(new RandomGraphs(1).sentiment("GRU", 7, 3, 2), PROVENANCE);

        try (OrtSession session = OrtRuns.session(model)) {
            assertThat(session.getMetadata().getCustomMetadata()).containsExactlyInAnyOrderEntriesOf(PROVENANCE);
            assertThat(session.getMetadata().getProducerName()).isEqualTo("seqserve");
        }
    }

    @Test
    void theModelIsOpset17IrVersion8WithLittleEndianRawInitializers() throws InvalidProtocolBufferException {
        ForecastGraph graph = new RandomGraphs(2).forecast("LSTM", 1, new int[] {2}, 1);
        ModelProto model = ModelProto.parseFrom(OnnxExporter.forecast(graph, PROVENANCE));

        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImportList()).singleElement()
                .satisfies(o -> assertThat(o.getDomain()).isEmpty())
                .satisfies(o -> assertThat(o.getVersion()).isEqualTo(17));
        TensorProto w = model.getGraph().getInitializerList().stream()
                .filter(t -> t.getName().equals("layer0/W")).findFirst().orElseThrow();
        assertThat(w.getDimsList()).containsExactly(1L, 8L, 1L);
        assertThat(w.getFloatDataCount()).isZero();
        float first = Float.intBitsToFloat((w.getRawData().byteAt(0) & 0xff) | (w.getRawData().byteAt(1) & 0xff) << 8
                | (w.getRawData().byteAt(2) & 0xff) << 16 | (w.getRawData().byteAt(3) & 0xff) << 24);
        assertThat(first).isEqualTo(graph.layers().get(0).w()[0]);
    }

    @Test
    void inputsHaveADynamicBatchAndTimeAndMatchTheManifestSignature() throws OrtException {
        byte[] model = OnnxExporter.sentiment(new RandomGraphs(3).sentiment("LSTM", 7, 3, 2), Map.of());

        try (OrtSession session = OrtRuns.session(model)) {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            assertThat(inputs.keySet()).containsExactly("token_ids", "sequence_lens", "explain");
            assertThat(((TensorInfo) inputs.get("token_ids").getInfo()).getShape()).containsExactly(-1, -1);
            assertThat(((TensorInfo) inputs.get("sequence_lens").getInfo()).getShape()).containsExactly(-1);
            assertThat(((TensorInfo) inputs.get("explain").getInfo()).getShape()).isEmpty();
            assertThat(session.getOutputInfo().keySet()).containsExactly("probability", "attributions");
            assertThat(((TensorInfo) session.getOutputInfo().get("probability").getInfo()).getShape()).containsExactly(-1);
            assertThat(((TensorInfo) session.getOutputInfo().get("attributions").getInfo()).getShape())
                    .containsExactly(-1, -1);
        }
    }

    @Test
    void writingReturnsTheFilesChecksumAndSignature(@TempDir Path dir) throws IOException {
        ForecastGraph graph = new RandomGraphs(4).forecast("GRU", 1, new int[] {3, 2}, 7);
        Path file = dir.resolve("m/model.onnx");

        OnnxModel onnx = OnnxExporter.writeForecast(graph, PROVENANCE, file);

        assertThat(onnx.file()).isEqualTo("model.onnx");
        assertThat(onnx.sha256()).isEqualTo(Checksums.sha256(file));
        assertThat(onnx.opset()).isEqualTo(17);
        assertThat(onnx.inputs()).containsExactly(
                new TensorSpec("series", "float", List.of("batch", "time", "1")),
                new TensorSpec("sequence_lens", "int32", List.of("batch")));
        assertThat(onnx.outputs()).containsExactly(new TensorSpec("forecast", "float", List.of("batch", "7")));
    }
}
