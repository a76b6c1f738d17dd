package dev.seqserve.training.onnx;

import static dev.seqserve.training.onnx.GraphBuilder.intAttr;

import dev.seqserve.training.onnx.proto.Onnx.AttributeProto;
import java.util.ArrayList;
import java.util.List;

/** Adds recurrent and dense layers, and the small reshapes between them, to a graph. */
final class Layers {

    private Layers() {}

    /**
     * Adds a forward {@code LSTM} or {@code GRU} over time-major input {@code x} {@code [time, batch, I]}.
     *
     * @param y the name for {@code Y} {@code [time, 1, batch, H]}, or empty to leave it out
     * @param yh the name for {@code Y_h} {@code [1, batch, H]}, or empty to leave it out
     */
    static void recurrent(GraphBuilder g, String prefix, RecurrentWeights rw, String x, String sequenceLens,
            String y, String yh) {
        recurrent(g, prefix, rw, null, x, sequenceLens, y, yh);
    }

    /**
     * Adds an {@code LSTM} or {@code GRU}: forward only when {@code backward} is null, else
     * {@code direction=bidirectional} with {@code Y} {@code [time, 2, batch, H]}, direction 1 reading each
     * sequence from its last real step.
     */
    static void recurrent(GraphBuilder g, String prefix, RecurrentWeights rw, RecurrentWeights backward, String x,
            String sequenceLens, String y, String yh) {
        long gh = (long) rw.gates() * rw.hidden();
        int directions = backward == null ? 1 : 2;
        String w = g.initializer(prefix + "/W", new long[] {directions, gh, rw.inputSize()},
                stack(rw.w(), backward == null ? null : backward.w()));
        String r = g.initializer(prefix + "/R", new long[] {directions, gh, rw.hidden()},
                stack(rw.r(), backward == null ? null : backward.r()));
        String b = g.initializer(prefix + "/B", new long[] {directions, 2 * gh},
                stack(rw.b(), backward == null ? null : backward.b()));
        List<String> inputs = List.of(x, w, r, b, sequenceLens);
        List<AttributeProto> attributes = new ArrayList<>();
        attributes.add(intAttr("hidden_size", rw.hidden()));
        if (rw.op().equals(RecurrentWeights.GRU)) {
            attributes.add(intAttr("linear_before_reset", 1));
        }
        if (backward != null) {
            attributes.add(GraphBuilder.stringAttr("direction", "bidirectional"));
        }
        g.node(rw.op(), inputs, List.of(y, yh), attributes.toArray(AttributeProto[]::new));
    }

    private static float[] stack(float[] forward, float[] backward) {
        if (backward == null) {
            return forward;
        }
        float[] both = java.util.Arrays.copyOf(forward, forward.length + backward.length);
        System.arraycopy(backward, 0, both, forward.length, backward.length);
        return both;
    }

    /** Adds {@code x W^T + b} for {@code x} {@code [batch, inputs]} and returns the {@code [batch, outputs]} result. */
    static String dense(GraphBuilder g, String prefix, DenseWeights dw, String x, String output) {
        String wt = g.initializer(prefix + "/W_T", new long[] {dw.inputs(), dw.outputs()}, dw.transposed());
        String b = g.initializer(prefix + "/b", new long[] {dw.outputs()}, dw.b());
        String product = g.node("MatMul", prefix + "/matmul", List.of(x, wt));
        return g.node("Add", output, List.of(product, b));
    }

    /** Adds {@code Transpose(perm = [1, 0, 2])}: batch-major to time-major or back. */
    static String swapBatchAndTime(GraphBuilder g, String x, String output) {
        return g.node("Transpose", output, List.of(x), GraphBuilder.intsAttr("perm", 1, 0, 2));
    }

    /** Adds {@code Squeeze} of one axis (opset 13+: axes as an input) and returns the result. */
    static String squeeze(GraphBuilder g, String x, long axis, String output) {
        String axes = g.initializer(output + "/axes", new long[] {1}, axis);
        return g.node("Squeeze", output, List.of(x, axes));
    }

    /** Adds {@code Unsqueeze} of one axis (opset 13+: axes as an input) and returns the result. */
    static String unsqueeze(GraphBuilder g, String x, long axis, String output) {
        String axes = g.initializer(output + "/axes", new long[] {1}, axis);
        return g.node("Unsqueeze", output, List.of(x, axes));
    }
}
