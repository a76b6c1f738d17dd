package dev.seqserve.training.onnx;

import dev.seqserve.training.onnx.proto.Onnx.GraphProto;
import dev.seqserve.training.onnx.proto.Onnx.ModelProto;
import dev.seqserve.training.onnx.proto.Onnx.NodeProto;
import dev.seqserve.training.onnx.proto.Onnx.StringStringEntryProto;
import dev.seqserve.training.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the weights back from a sentiment model this package exported ({@link SentimentOnnx}'s initializer
 * names), so that a trained model can be exported again by a newer graph builder with the very same weights.
 */
public final class SentimentGraphReader {

    private SentimentGraphReader() {}

    /** A model's weights and the provenance in its metadata. */
    public record Read(SentimentGraph graph, Map<String, String> metadata) {}

    /**
     * @param bytes a serialised ONNX model written by {@link OnnxExporter#writeSentiment}
     * @throws IOException when it is not such a model
     */
    public static Read read(byte[] bytes) throws IOException {
        ModelProto model = ModelProto.parseFrom(bytes);
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> tensors = new LinkedHashMap<>();
        graph.getInitializerList().forEach(t -> tensors.put(t.getName(), t));
        NodeProto rnn = graph.getNodeList().stream()
                .filter(n -> n.getOpType().equals(RecurrentWeights.LSTM) || n.getOpType().equals(RecurrentWeights.GRU))
                .findFirst().orElseThrow(() -> new IOException("the graph has no LSTM or GRU node"));
        String op = rnn.getOpType();
        String prefix = op.toLowerCase(java.util.Locale.ROOT);
        TensorProto embedding = tensor(tensors, "embedding");
        int vocabulary = (int) embedding.getDims(0);
        int embeddingDim = (int) embedding.getDims(1);
        TensorProto w = tensor(tensors, prefix + "/W");
        int directions = (int) w.getDims(0);
        int gates = op.equals(RecurrentWeights.LSTM) ? 4 : 3;
        int hidden = (int) w.getDims(1) / gates;
        float[] ws = floats(w);
        float[] rs = floats(tensor(tensors, prefix + "/R"));
        float[] bs = floats(tensor(tensors, prefix + "/B"));
        RecurrentWeights[] layers = new RecurrentWeights[directions];
        for (int d = 0; d < directions; d++) {
            layers[d] = new RecurrentWeights(op, embeddingDim, hidden, part(ws, d, directions), part(rs, d, directions),
                    part(bs, d, directions));
        }
        TensorProto denseT = tensor(tensors, "dense/W_T");
        int inputs = (int) denseT.getDims(0);
        float[] transposed = floats(denseT);
        // [inputs, 1] transposed is [1, inputs] row-major: the same numbers.
        DenseWeights dense = new DenseWeights(inputs, 1, transposed, floats(tensor(tensors, "dense/b")));
        Map<String, String> metadata = new LinkedHashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            metadata.put(e.getKey(), e.getValue());
        }
        SentimentGraph read = new SentimentGraph(vocabulary, embeddingDim, floats(embedding), layers[0],
                directions == 2 ? layers[1] : null, dense);
        return new Read(read, metadata);
    }

    private static TensorProto tensor(Map<String, TensorProto> tensors, String name) throws IOException {
        TensorProto t = tensors.get(name);
        if (t == null) {
            throw new IOException("the graph has no initializer " + name);
        }
        return t;
    }

    private static float[] part(float[] all, int d, int of) {
        int size = all.length / of;
        return Arrays.copyOfRange(all, d * size, (d + 1) * size);
    }

    private static float[] floats(TensorProto t) throws IOException {
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE || t.getRawData().isEmpty()) {
            throw new IOException("initializer " + t.getName() + " is not raw float data");
        }
        FloatBuffer buffer = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
