package dev.seqserve.training.nn;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One unidirectional LSTM or GRU layer whose parameters are ONNX's {@code W}, {@code R} and {@code B} inputs
 * without the leading direction axis: W [G·H × I], R [G·H × H], B [2·G·H] = (Wb, Rb).
 *
 * <p>It runs on {@link Packing packed} sub-batches. The input projection W·x of all steps is one matrix product;
 * each step then adds R·h for the examples still running. The backward pass gathers the gate gradients of all
 * steps and turns them into dW, dR and dx with three more large products.
 */
final class RecurrentLayer {

    final CellType cell;
    final int input;
    final int hidden;
    final int gateWidth;
    final Param w;
    final Param r;
    final Param b;
    /** Wᵀ [I × G·H] and Rᵀ [H × G·H], refreshed by {@link #prepare()} so forward products stream rows. */
    float[] wT;
    float[] rT;

    RecurrentLayer(String prefix, CellType cell, int input, int hidden, SplittableRandom random) {
        this.cell = cell;
        this.input = input;
        this.hidden = hidden;
        this.gateWidth = cell.gates() * hidden;
        this.w = new Param(prefix + ".W", false, gateWidth, input);
        this.r = new Param(prefix + ".R", false, gateWidth, hidden);
        this.b = new Param(prefix + ".B", false, 2 * gateWidth);
        for (int g = 0; g < cell.gates(); g++) {
            Init.xavier(w.value(), g * hidden * input, hidden, input, random);
            Init.orthogonal(r.value(), g * hidden * hidden, hidden, random);
        }
        if (cell == CellType.LSTM) {
            // Forget gate (third block in ONNX's i, o, f, c order) starts open so early gradients survive.
            Arrays.fill(b.value(), 2 * hidden, 3 * hidden, 1f);
        }
        this.wT = new float[gateWidth * input];
        this.rT = new float[gateWidth * hidden];
    }

    List<Param> params() {
        return List.of(w, r, b);
    }

    /** Refreshes the transposed weights; call once per batch, before any shard runs. */
    void prepare() {
        VectorMath.transpose(w.value(), gateWidth, input, wT);
        VectorMath.transpose(r.value(), gateWidth, hidden, rT);
    }

    /** Runs the layer over packed input {@code x} [rows × input]; the outputs land in {@code cache.h}. */
    void forward(Packing p, float[] x, RnnCache cache) {
        int rows = p.rows();
        cache.x = x;
        cache.gates = RnnCache.grow(cache.gates, rows * gateWidth);
        cache.h = RnnCache.grow(cache.h, rows * hidden);
        if (cell == CellType.LSTM) {
            LstmKernel.forward(this, p, cache);
        } else {
            GruKernel.forward(this, p, cache);
        }
    }

    /**
     * Backpropagates through time.
     *
     * @param dh    gradient of the loss w.r.t. every output row [rows × H] (a final-state gradient is added to the
     *              example's last row); only read
     * @param dx    receives the gradient w.r.t. the input [rows × input], or null when not needed
     * @param grads the shard's gradient buffers for W, R, B
     */
    void backward(Packing p, RnnCache cache, float[] dh, float[] dx, ShardGrads grads) {
        float[] dGr;
        if (cell == CellType.LSTM) {
            LstmKernel.backward(this, p, cache, dh);
            dGr = cache.gates;
        } else {
            GruKernel.backward(this, p, cache, dh);
            dGr = cache.aux2;
        }
        weightGradients(p, cache, cache.gates, dGr, dx, grads);
    }

    /** Turns the gate gradients of all steps into dW, dR, dB and dx. */
    private void weightGradients(Packing p, RnnCache cache, float[] dGx, float[] dGr, float[] dx, ShardGrads grads) {
        int rows = p.rows();
        int g = gateWidth;
        float[] gW = grads.of(w);
        float[] gR = grads.of(r);
        float[] gB = grads.of(b);
        VectorMath.gemmTransA(dGx, 0, g, cache.x, 0, input, gW, 0, input, g, input, rows);
        int first = p.active(0);
        if (rows > first) {
            // Row (t, q) of hPrev is h of (t−1, q); step 0 has no previous state and no R contribution.
            cache.hPrev = RnnCache.grow(cache.hPrev, rows * hidden);
            for (int t = 1; t < p.steps(); t++) {
                System.arraycopy(cache.h, p.offset(t - 1) * hidden, cache.hPrev, (p.offset(t) - first) * hidden,
                        p.active(t) * hidden);
            }
            VectorMath.gemmTransA(dGr, first * g, g, cache.hPrev, 0, hidden, gR, 0, hidden, g, hidden, rows - first);
        }
        for (int row = 0; row < rows; row++) {
            VectorMath.add(dGx, row * g, gB, 0, g);
            VectorMath.add(dGr, row * g, gB, g, g);
        }
        if (dx != null) {
            Arrays.fill(dx, 0, rows * input, 0f);
            VectorMath.gemm(dGx, 0, g, w.value(), 0, input, dx, 0, input, rows, input, g);
        }
    }
}
