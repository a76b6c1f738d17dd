package dev.seqserve.training.onnx;

import static dev.seqserve.training.onnx.GraphBuilder.intAttr;
import static dev.seqserve.training.onnx.GraphBuilder.intsAttr;

import dev.seqserve.training.onnx.proto.Onnx.TensorProto.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds each token's contribution to the sentiment logit: the change its step made to each direction's
 * recurrent state, as the masked mean and max pooling and the dense layer read that state.
 *
 * <p>A forward state is the sum of the steps' changes up to it, {@code y_t = Σ_{s≤t} Δ_s} with {@code Δ_s =
 * y_s − y_{s−1}}; a backward state sums them from the end. So the mean over {@code n} real steps is {@code Σ_s Δ_s ·
 * (n − s) / n} (forward, 0-based {@code s}) or {@code Σ_s Δ_s · (s + 1) / n} (backward), and each unit's max is the
 * state at its first arg-max step {@code t*}, the sum of the changes of steps {@code s ≤ t*} (forward) or {@code s ≥
 * t*} (backward). Token {@code s} is credited with its changes times those read counts and the dense weights, so
 * the contributions of a sequence add up to its logit minus the dense bias, exactly; padded steps get 0.
 */
final class TokenContributions {

    private static final long[] SCALAR = {};

    private TokenContributions() {}

    /**
     * @param states time-major states {@code [time, batch, H]} of each direction, forward first
     * @param sequenceLens int32 lengths {@code [batch]}, each at least 1
     * @param dense the output layer over {@code [mean, max]} of each direction, in order
     * @param output the name of the result, {@code [batch, time]}
     */
    static String add(GraphBuilder g, List<String> states, String sequenceLens, DenseWeights dense, String output) {
        int hidden = dense.inputs() / (2 * states.size());
        String p = "contributions";
        String steps = MaskedPooling.stepColumn(g, p, states.get(0));
        String mask = MaskedPooling.stepMask(g, p, steps, sequenceLens);
        String maskF = g.node("Cast", p + "/mask_f", List.of(mask), intAttr("to", DataType.FLOAT_VALUE));
        String stepColumn = g.node("Cast", p + "/steps_f", List.of(steps), intAttr("to", DataType.FLOAT_VALUE));
        String stepCube = Layers.unsqueeze(g, steps, 2, p + "/steps_cube");
        String lensF = g.node("Cast", p + "/lens_f", List.of(sequenceLens), intAttr("to", DataType.FLOAT_VALUE));
        String one = g.initializer(p + "/one_f", SCALAR, new float[] {1f});
        List<String> reads = List.of(
                g.node("Div", p + "/reads_forward", List.of(g.node("Sub", p + "/left", List.of(lensF, stepColumn)), lensF)),
                g.node("Div", p + "/reads_backward", List.of(g.node("Add", p + "/seen", List.of(stepColumn, one)), lensF)));

        List<String> perDirection = new ArrayList<>();
        for (int d = 0; d < states.size(); d++) {
            String q = p + "/direction_" + d;
            boolean forward = d == 0;
            String masked = g.node("Mul", q + "/masked", List.of(states.get(d), maskF));
            String neighbour = shifted(g, q, masked, forward);
            String change = g.node("Mul", q + "/change",
                    List.of(g.node("Sub", q + "/raw_change", List.of(masked, neighbour)), maskF));

            String lowest = g.initializer(q + "/lowest", SCALAR, new float[] {Float.NEGATIVE_INFINITY});
            String filled = g.node("Where", q + "/filled", List.of(mask, states.get(d), lowest));
            String argMax = g.node("ArgMax", q + "/arg_max", List.of(filled), intAttr("axis", 0), intAttr("keepdims", 1));
            String inMax = g.node(forward ? "LessOrEqual" : "GreaterOrEqual", q + "/in_max", List.of(stepCube, argMax));
            String inMaxF = g.node("Cast", q + "/in_max_f", List.of(inMax), intAttr("to", DataType.FLOAT_VALUE));

            int offset = d * 2 * hidden;
            String meanWeights = g.initializer(q + "/mean_weights", new long[] {hidden},
                    Arrays.copyOfRange(dense.w(), offset, offset + hidden));
            String maxWeights = g.initializer(q + "/max_weights", new long[] {hidden},
                    Arrays.copyOfRange(dense.w(), offset + hidden, offset + 2 * hidden));
            String readsCube = Layers.unsqueeze(g, reads.get(d), 2, q + "/reads");
            String weight = g.node("Add", q + "/weight", List.of(
                    g.node("Mul", q + "/mean_weight", List.of(readsCube, meanWeights)),
                    g.node("Mul", q + "/max_weight", List.of(inMaxF, maxWeights))));
            // Summed over the leading axis, unit by unit in order, so a review's sums never depend on its batch.
            String unitsFirst = g.node("Transpose", q + "/units_first",
                    List.of(g.node("Mul", q + "/weighted", List.of(change, weight))), intsAttr("perm", 2, 0, 1));
            String unitAxis = g.initializer(q + "/unit_axis", new long[] {1}, 0L);
            perDirection.add(g.node("ReduceSum", q + "/sum", List.of(unitsFirst, unitAxis), intAttr("keepdims", 0)));
        }
        String timeMajor = perDirection.size() == 1 ? perDirection.get(0)
                : g.node("Add", p + "/both", perDirection);
        return g.node("Transpose", output, List.of(timeMajor), intsAttr("perm", 1, 0));
    }

    /** Each step's neighbour state, the one before it (forward) or after it (backward); zeros past either end. */
    private static String shifted(GraphBuilder g, String q, String masked, boolean forward) {
        String axes = g.initializer(q + "/time_axis", new long[] {1}, 0L);
        String starts = g.initializer(q + "/starts", new long[] {1}, forward ? 0L : 1L);
        String ends = g.initializer(q + "/ends", new long[] {1}, forward ? -1L : Long.MAX_VALUE);
        String kept = g.node("Slice", q + "/kept", List.of(masked, starts, ends, axes));
        String pads = g.initializer(q + "/pads", new long[] {6}, forward ? new long[] {1, 0, 0, 0, 0, 0}
                : new long[] {0, 0, 0, 1, 0, 0});
        return g.node("Pad", q + "/neighbour", List.of(kept, pads));
    }
}
