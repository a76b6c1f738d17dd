package dev.seqserve.training.onnx;

import java.util.Objects;

/** Argument checks shared by the weight records. */
final class Shapes {

    private Shapes() {}

    static void requireLength(String name, float[] values, int expected) {
        Objects.requireNonNull(values, name);
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, expected " + expected);
        }
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
