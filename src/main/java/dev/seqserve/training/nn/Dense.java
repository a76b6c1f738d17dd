package dev.seqserve.training.nn;

import java.util.List;
import java.util.SplittableRandom;

/** A fully connected layer y = W·x + b with W [out × in] and b [out], ONNX's {@code Gemm} with transB = 1. */
final class Dense {

    final Param w;
    final Param b;
    final int in;
    final int out;

    Dense(String prefix, int in, int out, SplittableRandom random) {
        this.in = in;
        this.out = out;
        this.w = new Param(prefix + ".W", false, out, in);
        this.b = new Param(prefix + ".b", false, out);
        Init.xavier(w.value(), 0, out, in, random);
    }

    List<Param> params() {
        return List.of(w, b);
    }

    /** y[yOff..+out) = W·x[xOff..+in) + b. */
    void forward(float[] x, int xOff, float[] y, int yOff) {
        float[] weights = w.value();
        float[] bias = b.value();
        for (int o = 0; o < out; o++) {
            y[yOff + o] = VectorMath.dot(weights, o * in, x, xOff, in) + bias[o];
        }
    }

    /** Accumulates dW, db into the shard's buffers and adds W^T·dy into dx (when not null). */
    void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, ShardGrads grads) {
        float[] gW = grads.of(w);
        float[] gB = grads.of(b);
        float[] weights = w.value();
        for (int o = 0; o < out; o++) {
            float d = dy[dyOff + o];
            VectorMath.axpy(d, x, xOff, gW, o * in, in);
            gB[o] += d;
            if (dx != null) {
                VectorMath.axpy(d, weights, o * in, dx, dxOff, in);
            }
        }
    }
}
