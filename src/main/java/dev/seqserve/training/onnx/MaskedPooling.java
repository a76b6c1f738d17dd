package dev.seqserve.training.onnx;

import static dev.seqserve.training.onnx.GraphBuilder.intAttr;
import static dev.seqserve.training.onnx.GraphBuilder.intsAttr;

import dev.seqserve.training.onnx.proto.Onnx.TensorProto.DataType;
import java.util.List;

/**
 * Adds mean and max pooling over the real steps of time-major states, so padded steps never change
 * a result: the mean divides by each sequence's length and the max ignores padded steps.
 */
final class MaskedPooling {

    private static final long[] SCALAR = {};

    private MaskedPooling() {}

    /**
     * @param states time-major states {@code [time, batch, H]}
     * @param sequenceLens int32 lengths {@code [batch]}, each at least 1
     * @return the name of {@code [batch, 2H]}: the mean-pooled states, then the max-pooled states
     */
    static String meanAndMax(GraphBuilder g, String states, String sequenceLens, String output) {
        return meanAndMax(g, "pool", states, sequenceLens, output);
    }

    /** As {@link #meanAndMax(GraphBuilder, String, String, String)}, with node names under {@code prefix}. */
    static String meanAndMax(GraphBuilder g, String prefix, String states, String sequenceLens, String output) {
        String mask = stepMask(g, prefix, stepColumn(g, prefix, states), sequenceLens);
        String maskF = g.node("Cast", prefix + "/mask_f", List.of(mask), intAttr("to", DataType.FLOAT_VALUE));
        String masked = g.node("Mul", prefix + "/masked", List.of(states, maskF));
        String timeAxis = g.initializer(prefix + "/time_axis", new long[] {1}, 0L);
        String sum = g.node("ReduceSum", prefix + "/sum", List.of(masked, timeAxis), intAttr("keepdims", 0));
        String lensF = g.node("Cast", prefix + "/lens_f", List.of(sequenceLens), intAttr("to", DataType.FLOAT_VALUE));
        String divisor = Layers.unsqueeze(g, lensF, 1, prefix + "/lens_f_column");
        String mean = g.node("Div", prefix + "/mean", List.of(sum, divisor));

        // Padded steps become -inf so they never win the max; every sequence has at least one real step.
        String lowest = g.initializer(prefix + "/lowest", SCALAR, new float[] {Float.NEGATIVE_INFINITY});
        String filled = g.node("Where", prefix + "/filled", List.of(mask, states, lowest));
        String max = g.node("ReduceMax", prefix + "/max", List.of(filled), intsAttr("axes", 0), intAttr("keepdims", 0));
        return g.node("Concat", output, List.of(mean, max), intAttr("axis", 1));
    }

    /** Adds the boolean mask {@code [time, batch, 1]}: true where the step index is below the sequence length. */
    static String stepMask(GraphBuilder g, String prefix, String stepColumn, String sequenceLens) {
        String lens = g.node("Cast", prefix + "/lens", List.of(sequenceLens), intAttr("to", DataType.INT64_VALUE));
        String mask = g.node("Less", prefix + "/mask_2d", List.of(stepColumn, lens));
        return Layers.unsqueeze(g, mask, 2, prefix + "/mask");
    }

    /** Adds the int64 step indices {@code [time, 1]}, 0 to the time length of {@code states} {@code [time, ...]}. */
    static String stepColumn(GraphBuilder g, String prefix, String states) {
        String shape = g.node("Shape", prefix + "/shape", List.of(states));
        String zero = g.initializer(prefix + "/zero", SCALAR, 0L);
        String one = g.initializer(prefix + "/one", SCALAR, 1L);
        String time = g.node("Gather", prefix + "/time", List.of(shape, zero), intAttr("axis", 0));
        String steps = g.node("Range", prefix + "/steps", List.of(zero, time, one));
        return Layers.unsqueeze(g, steps, 1, prefix + "/steps_column");
    }
}
