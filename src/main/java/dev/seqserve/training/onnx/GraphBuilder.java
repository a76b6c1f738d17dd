package dev.seqserve.training.onnx;

import com.google.protobuf.ByteString;
import dev.seqserve.training.onnx.proto.Onnx.AttributeProto;
import dev.seqserve.training.onnx.proto.Onnx.GraphProto;
import dev.seqserve.training.onnx.proto.Onnx.NodeProto;
import dev.seqserve.training.onnx.proto.Onnx.TensorProto;
import dev.seqserve.training.onnx.proto.Onnx.TensorShapeProto;
import dev.seqserve.training.onnx.proto.Onnx.TypeProto;
import dev.seqserve.training.onnx.proto.Onnx.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** A small builder of ONNX graphs: nodes, initializers (little-endian raw data), inputs and outputs. */
final class GraphBuilder {

    private final GraphProto.Builder graph;
    private final String nodePrefix;
    private int nodes;

    GraphBuilder(String name) {
        this(name, "");
    }

    private GraphBuilder(String name, String nodePrefix) {
        this.graph = GraphProto.newBuilder().setName(name);
        this.nodePrefix = nodePrefix;
    }

    /**
     * A builder of a subgraph (the branch of an {@code If}), whose node names start with {@code name} so they never
     * repeat the outer graph's; its nodes may read the outer graph's values by name.
     */
    GraphBuilder branch(String name) {
        return new GraphBuilder(name, name + "/");
    }

    /**
     * Adds a node; an empty output name leaves that optional output out.
     *
     * @return the node's first output
     */
    String node(String op, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder()
                .setName(nodePrefix + op + "_" + nodes++)
                .setOpType(op)
                .addAllInput(inputs)
                .addAllOutput(outputs)
                .addAllAttribute(List.of(attributes)));
        return outputs.get(0);
    }

    /** Adds a node with one output named {@code output}, and returns that name. */
    String node(String op, String output, List<String> inputs, AttributeProto... attributes) {
        return node(op, inputs, List.of(output), attributes);
    }

    /** Adds a float initializer, stored as little-endian raw data, and returns its name. */
    String initializer(String name, long[] dims, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return tensor(name, dims, TensorProto.DataType.FLOAT, bytes);
    }

    /** Adds an int64 initializer, stored as little-endian raw data, and returns its name. */
    String initializer(String name, long[] dims, long... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return tensor(name, dims, TensorProto.DataType.INT64, bytes);
    }

    private String tensor(String name, long[] dims, TensorProto.DataType type, ByteBuffer bytes) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t.setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    /**
     * Declares a graph input.
     *
     * @param dims each a symbolic name ({@code String}) or a fixed size ({@code Integer})
     */
    String input(String name, TensorProto.DataType type, Object... dims) {
        graph.addInput(valueInfo(name, type, dims));
        return name;
    }

    /** Declares a graph output; dims as for {@link #input}. */
    String output(String name, TensorProto.DataType type, Object... dims) {
        graph.addOutput(valueInfo(name, type, dims));
        return name;
    }

    GraphProto build() {
        return graph.build();
    }

    static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto graphAttr(String name, GraphProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.GRAPH).setG(value).build();
    }

    /** A one-element float tensor attribute, such as {@code ConstantOfShape}'s {@code value}. */
    static AttributeProto floatTensorAttr(String name, float value) {
        TensorProto t = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(1)
                .addFloatData(value).build();
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(t).build();
    }

    static AttributeProto stringAttr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto intsAttr(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Integer size) {
                dim.setDimValue(size);
            } else {
                dim.setDimParam((String) d);
            }
            shape.addDim(dim);
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}
