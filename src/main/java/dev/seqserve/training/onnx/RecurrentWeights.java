package dev.seqserve.training.onnx;

import java.util.Objects;

/**
 * The parameters of one forward ONNX {@code LSTM} or {@code GRU} layer, in ONNX's own layouts.
 *
 * <p>LSTM: {@code w} is {@code [1, 4H, I]}, {@code r} is {@code [1, 4H, H]}, {@code b} is {@code [1, 8H]}
 * ({@code Wb} then {@code Rb}), gate order {@code i, o, f, c}. GRU: {@code w} is {@code [1, 3H, I]},
 * {@code r} is {@code [1, 3H, H]}, {@code b} is {@code [1, 6H]}, gate order {@code z, r, h}, exported with
 * {@code linear_before_reset = 1}. All arrays are row-major and are read, not copied.
 *
 * @param op {@code "LSTM"} or {@code "GRU"}
 * @param inputSize {@code I}, the width of each input step
 * @param hidden {@code H}, the hidden size
 * @param w input weights
 * @param r recurrent weights
 * @param b input biases followed by recurrent biases
 */
public record RecurrentWeights(String op, int inputSize, int hidden, float[] w, float[] r, float[] b) {

    /** The ONNX operator name of a long short-term memory layer. */
    public static final String LSTM = "LSTM";
    /** The ONNX operator name of a gated recurrent unit layer. */
    public static final String GRU = "GRU";

    public RecurrentWeights {
        Objects.requireNonNull(op, "op");
        if (!op.equals(LSTM) && !op.equals(GRU)) {
            throw new IllegalArgumentException("op must be LSTM or GRU, not " + op);
        }
        if (inputSize < 1 || hidden < 1) {
            throw new IllegalArgumentException("inputSize and hidden must be positive");
        }
        int gates = op.equals(LSTM) ? 4 : 3;
        Shapes.requireLength("w", w, gates * hidden * inputSize);
        Shapes.requireLength("r", r, gates * hidden * hidden);
        Shapes.requireLength("b", b, 2 * gates * hidden);
    }

    /** The number of gate blocks stacked in {@code w}, {@code r} and each half of {@code b}: 4 or 3. */
    public int gates() {
        return op.equals(LSTM) ? 4 : 3;
    }
}
