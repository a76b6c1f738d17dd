package dev.seqserve.training.onnx;

import static dev.seqserve.training.onnx.GraphBuilder.intAttr;

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
        long gh = (long) rw.gates() * rw.hidden();
        String w = g.initializer(prefix + "/W", new long[] {1, gh, rw.inputSize()}, rw.w());
        String r = g.initializer(prefix + "/R", new long[] {1, gh, rw.hidden()}, rw.r());
        String b = g.initializer(prefix + "/B", new long[] {1, 2 * gh}, rw.b());
        List<String> inputs = List.of(x, w, r, b, sequenceLens);
        if (rw.op().equals(RecurrentWeights.GRU)) {
            g.node(rw.op(), inputs, List.of(y, yh),
                    intAttr("hidden_size", rw.hidden()), intAttr("linear_before_reset", 1));
        } else {
            g.node(rw.op(), inputs, List.of(y, yh), intAttr("hidden_size", rw.hidden()));
        }
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
