package dev.seqserve.training.onnx;

/**
 * A dense layer {@code y = x W^T + b}, exported as {@code MatMul} with {@code W^T} and {@code Add}.
 *
 * @param inputs the width of {@code x}
 * @param outputs the width of {@code y}
 * @param w weights, row-major {@code [outputs, inputs]}; read, not copied
 * @param b biases {@code [outputs]}; read, not copied
 */
public record DenseWeights(int inputs, int outputs, float[] w, float[] b) {

    public DenseWeights {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("inputs and outputs must be positive");
        }
        Shapes.requireLength("w", w, inputs * outputs);
        Shapes.requireLength("b", b, outputs);
    }

    /** {@code W^T}, row-major {@code [inputs, outputs]}, the right-hand side of the exported {@code MatMul}. */
    float[] transposed() {
        float[] t = new float[w.length];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                t[i * outputs + o] = w[o * inputs + i];
            }
        }
        return t;
    }
}
