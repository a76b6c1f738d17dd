package dev.seqserve.training.onnx;

import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest.OnnxModel;
import dev.seqserve.training.onnx.proto.Onnx.GraphProto;
import dev.seqserve.training.onnx.proto.Onnx.ModelProto;
import dev.seqserve.training.onnx.proto.Onnx.OperatorSetIdProto;
import dev.seqserve.training.onnx.proto.Onnx.StringStringEntryProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serialises sentiment and forecast models as ONNX (opset 17, IR version 8, producer {@code seqserve}),
 * with the caller's provenance (version, seed, data checksum, hyper-parameters…) in {@code metadata_props}.
 * See {@link OnnxSignatures} for the input and output names and shapes.
 */
public final class OnnxExporter {

    /** The producer name written into every model. */
    public static final String PRODUCER = "seqserve";

    private OnnxExporter() {}

    /**
     * @param graph the sentiment model's weights
     * @param metadata provenance, written in key order into the model's metadata properties
     * @return the serialised ONNX model
     */
    public static byte[] sentiment(SentimentGraph graph, Map<String, String> metadata) {
        return model(SentimentOnnx.graph(graph), metadata);
    }

    /**
     * @param graph the forecast model's weights
     * @param metadata provenance, written in key order into the model's metadata properties
     * @return the serialised ONNX model
     */
    public static byte[] forecast(ForecastGraph graph, Map<String, String> metadata) {
        return forecast(List.of(graph), metadata);
    }

    /**
     * @param members the weights of an ensemble's forecasters, averaged by the graph (one member: a plain forecaster)
     * @param metadata provenance, written in key order into the model's metadata properties
     * @return the serialised ONNX model
     */
    public static byte[] forecast(List<ForecastGraph> members, Map<String, String> metadata) {
        return model(ForecastOnnx.graph(members), metadata);
    }

    /**
     * Writes the sentiment model to {@code file}, creating its folder if absent.
     *
     * @return the manifest's description of the file: name, SHA-256, opset and signature
     */
    public static OnnxModel writeSentiment(SentimentGraph graph, Map<String, String> metadata, Path file)
            throws IOException {
        byte[] bytes = sentiment(graph, metadata);
        write(bytes, file);
        return OnnxSignatures.sentiment(file.getFileName().toString(), Checksums.sha256(bytes));
    }

    /**
     * Writes the forecast model to {@code file}, creating its folder if absent.
     *
     * @return the manifest's description of the file: name, SHA-256, opset and signature
     */
    public static OnnxModel writeForecast(ForecastGraph graph, Map<String, String> metadata, Path file)
            throws IOException {
        return writeForecast(List.of(graph), metadata, file);
    }

    /**
     * Writes an ensemble forecaster (the mean of its members) to {@code file}, creating its folder if absent.
     *
     * @return the manifest's description of the file: name, SHA-256, opset and signature
     */
    public static OnnxModel writeForecast(List<ForecastGraph> members, Map<String, String> metadata, Path file)
            throws IOException {
        byte[] bytes = forecast(members, metadata);
        write(bytes, file);
        return OnnxSignatures.forecast(file.getFileName().toString(), Checksums.sha256(bytes),
                members.get(0).features(), members.get(0).outputs());
    }

    private static void write(byte[] bytes, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes);
    }

    private static byte[] model(GraphProto graph, Map<String, String> metadata) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(OnnxSignatures.IR_VERSION)
                .setProducerName(PRODUCER)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxSignatures.OPSET))
                .setGraph(graph);
        new TreeMap<>(metadata).forEach((key, value) ->
                model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build().toByteArray();
    }
}
