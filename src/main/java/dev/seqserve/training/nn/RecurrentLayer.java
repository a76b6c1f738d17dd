package dev.seqserve.training.nn;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One unidirectional LSTM or GRU layer whose parameters are ONNX's {@code W}, {@code R} and {@code B} inputs
 * without the leading direction axis: W [G·H × I], R [G·H × H], B [2·G·H] = (Wb, Rb).
 *
 * <p>It runs on {@link Packing packed} sub-batches. The input projection W·x of all steps is one matrix product
 * (over distinct tokens only, when the input is an embedding); each step then adds R·h for the examples still
 * running. The backward pass gathers the gate gradients of all steps and turns them into dW, dR and dx with
 * three more large products.
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
    /** The bias that goes with W·x, refreshed by {@link #prepare()}. */
    private final float[] inputBias;

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
        this.inputBias = new float[gateWidth];
        this.wT = new float[gateWidth * input];
        this.rT = new float[gateWidth * hidden];
    }

    List<Param> params() {
        return List.of(w, r, b);
    }

    /** Refreshes the transposed weights and the input bias; call once per batch, before any shard runs. */
    void prepare() {
        VectorMath.transpose(w.value(), gateWidth, input, wT);
        VectorMath.transpose(r.value(), gateWidth, hidden, rT);
        float[] bias = b.value();
        for (int j = 0; j < gateWidth; j++) {
            // LSTM adds Rb next to Wb; GRU keeps Rbh inside r ⊙ (…), so only Wb goes with the input.
            inputBias[j] = cell == CellType.LSTM ? bias[j] + bias[gateWidth + j] : bias[j];
        }
    }

    /** Runs the layer over packed input {@code x} [rows × input]; the outputs land in {@code cache.h}. */
    void forward(Packing p, float[] x, RnnCache cache) {
        int rows = p.rows();
        cache.x = x;
        cache.slots = null;
        cache.gates = RnnCache.grow(cache.gates, rows * gateWidth);
        project(x, rows, cache.gates);
        recur(p, cache);
    }

    /**
     * Runs the layer over input rows given once per distinct token: row r of the packed input is
     * {@code distinctRows[slots[r]]}. The projection W·x is then computed once per distinct token, which on text
     * is several times fewer rows; the results are the same bits as with the rows spelled out.
     */
    void forward(Packing p, float[] distinctRows, int distinct, int[] slots, RnnCache cache) {
        int g = gateWidth;
        cache.x = distinctRows;
        cache.slots = slots;
        cache.distinct = distinct;
        cache.projected = RnnCache.grow(cache.projected, distinct * g);
        cache.gates = RnnCache.grow(cache.gates, p.rows() * g);
        project(distinctRows, distinct, cache.projected);
        for (int row = 0; row < p.rows(); row++) {
            System.arraycopy(cache.projected, slots[row] * g, cache.gates, row * g, g);
        }
        recur(p, cache);
    }

    /** out[rows × G] = x·Wᵀ + input bias. */
    private void project(float[] x, int rows, float[] out) {
        for (int row = 0; row < rows; row++) {
            System.arraycopy(inputBias, 0, out, row * gateWidth, gateWidth);
        }
        Gemm.multiply(x, 0, input, wT, 0, gateWidth, out, 0, gateWidth, rows, gateWidth, input);
    }

    private void recur(Packing p, RnnCache cache) {
        cache.h = RnnCache.grow(cache.h, p.rows() * hidden);
        if (cell == CellType.LSTM) {
            LstmKernel.recur(this, p, cache);
        } else {
            GruKernel.recur(this, p, cache);
        }
    }

    /**
     * Backpropagates through time.
     *
     * @param dh    gradient of the loss w.r.t. every output row [rows × H] (a final-state gradient is added to the
     *              example's last row); only read
     * @param dx    receives the gradient w.r.t. the input [rows × input] ([distinct × input], summed over each
     *              distinct row's uses, after the distinct-row forward), or null when not needed
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
        inputGradients(p, cache, dGx, dx, gW);
        int first = p.active(0);
        if (rows > first) {
            // Row (t, q) of hPrev is h of (t−1, q); step 0 has no previous state and no R contribution.
            cache.hPrev = RnnCache.grow(cache.hPrev, rows * hidden);
            for (int t = 1; t < p.steps(); t++) {
                System.arraycopy(cache.h, p.offset(t - 1) * hidden, cache.hPrev, (p.offset(t) - first) * hidden,
                        p.active(t) * hidden);
            }
            Gemm.multiplyTransA(dGr, first * g, g, cache.hPrev, 0, hidden, gR, 0, hidden, g, hidden, rows - first);
        }
        for (int row = 0; row < rows; row++) {
            VectorMath.add(dGx, row * g, gB, 0, g);
            VectorMath.add(dGr, row * g, gB, g, g);
        }
    }

    /** dW and dx; with distinct input rows the gate gradients are first summed per distinct row (linearity). */
    private void inputGradients(Packing p, RnnCache cache, float[] dGx, float[] dx, float[] gW) {
        int g = gateWidth;
        float[] source = dGx;
        int rows = p.rows();
        if (cache.slots != null) {
            source = cache.projected;
            rows = cache.distinct;
            Arrays.fill(source, 0, rows * g, 0f);
            for (int row = 0; row < p.rows(); row++) {
                VectorMath.add(dGx, row * g, source, cache.slots[row] * g, g);
            }
        }
        Gemm.multiplyTransA(source, 0, g, cache.x, 0, input, gW, 0, input, g, input, rows);
        if (dx != null) {
            Arrays.fill(dx, 0, rows * input, 0f);
            Gemm.multiply(source, 0, g, w.value(), 0, input, dx, 0, input, rows, input, g);
        }
    }
}
