package dev.seqserve.training.nn;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * The LSTM cell on packed sub-batches, ONNX gate order i, o, f, c:
 * C = f⊙C' + i⊙c̃, h = o⊙tanh(C), with the gates from W·x + R·h' + Wb + Rb.
 */
final class LstmKernel {

    private static final int L = VectorMath.LANES;

    private LstmKernel() {
    }

    /** Runs the steps; {@code c.gates} already holds W·x + Wb + Rb for every row. */
    static void recur(RecurrentLayer layer, Packing p, RnnCache c) {
        int hid = layer.hidden;
        int g = layer.gateWidth;
        int rows = p.rows();
        c.aux = RnnCache.grow(c.aux, rows * hid);
        c.aux2 = RnnCache.grow(c.aux2, rows * hid);
        float[] gates = c.gates;
        for (int t = 0; t < p.steps(); t++) {
            int n = p.active(t);
            int base = p.offset(t);
            if (t > 0) {
                Gemm.multiply(c.h, p.offset(t - 1) * hid, hid, layer.rT, 0, g, gates, base * g, g, n, g, hid);
            }
            for (int q = 0; q < n; q++) {
                int row = base + q;
                Activations.sigmoid(gates, row * g, 3 * hid);
                Activations.tanh(gates, row * g + 3 * hid, hid);
                cellStep(gates, row * g, hid, c.aux, t > 0 ? (p.offset(t - 1) + q) * hid : -1, c.aux, c.aux2, c.h, row * hid);
            }
        }
    }

    /** C = f⊙C' + i⊙c̃ and h = o⊙tanh(C) for one row; {@code prev} is −1 at step 0 where C' = 0. */
    private static void cellStep(float[] gates, int gr, int hid, float[] cPrev, int prev,
                                 float[] cOut, float[] tanhOut, float[] hOut, int hr) {
        int j = 0;
        for (int bound = VectorMath.SPECIES.loopBound(hid); j < bound; j += L) {
            FloatVector i = FloatVector.fromArray(VectorMath.SPECIES, gates, gr + j);
            FloatVector o = FloatVector.fromArray(VectorMath.SPECIES, gates, gr + hid + j);
            FloatVector f = FloatVector.fromArray(VectorMath.SPECIES, gates, gr + 2 * hid + j);
            FloatVector cand = FloatVector.fromArray(VectorMath.SPECIES, gates, gr + 3 * hid + j);
            FloatVector cell = i.mul(cand);
            if (prev >= 0) {
                cell = f.fma(FloatVector.fromArray(VectorMath.SPECIES, cPrev, prev + j), cell);
            }
            FloatVector tc = Activations.tanh(cell);
            cell.intoArray(cOut, hr + j);
            tc.intoArray(tanhOut, hr + j);
            o.mul(tc).intoArray(hOut, hr + j);
        }
        for (; j < hid; j++) {
            float cell = gates[gr + j] * gates[gr + 3 * hid + j];
            if (prev >= 0) {
                cell = Math.fma(gates[gr + 2 * hid + j], cPrev[prev + j], cell);
            }
            float tc = Activations.tanh(cell);
            cOut[hr + j] = cell;
            tanhOut[hr + j] = tc;
            hOut[hr + j] = gates[gr + hid + j] * tc;
        }
    }

    /** Leaves the gate pre-activation gradients in {@code c.gates}, in the same i, o, f, c layout. */
    static void backward(RecurrentLayer layer, Packing p, RnnCache c, float[] dh) {
        int hid = layer.hidden;
        int g = layer.gateWidth;
        int batch = p.batch();
        // Rows of examples that have not started yet (backwards in time) must read zero recurrent gradient.
        c.dhRec = RnnCache.growZeroed(c.dhRec, batch * hid);
        c.stepBuf = RnnCache.growZeroed(c.stepBuf, batch * hid);
        float[] dcRec = c.stepBuf;
        for (int t = p.steps() - 1; t >= 0; t--) {
            int n = p.active(t);
            int base = p.offset(t);
            for (int q = 0; q < n; q++) {
                int row = base + q;
                int prev = t > 0 ? (p.offset(t - 1) + q) * hid : -1;
                gateGradients(c, row * g, row * hid, prev, q * hid, hid, dh, dcRec);
            }
            if (t > 0) {
                Arrays.fill(c.dhRec, 0, n * hid, 0f);
                Gemm.multiply(c.gates, base * g, g, layer.r.value(), 0, hid, c.dhRec, 0, hid, n, hid, g);
            }
        }
    }

    /** One row: reads dh (output + recurrent) and dC, writes the four pre-activation gradients and the next dC. */
    private static void gateGradients(RnnCache c, int gr, int hr, int prev, int qr, int hid, float[] dhOut, float[] dcRec) {
        float[] gates = c.gates;
        float[] cell = c.aux;
        float[] tanhC = c.aux2;
        FloatVector one = FloatVector.broadcast(VectorMath.SPECIES, 1f);
        int j = 0;
        for (int bound = VectorMath.SPECIES.loopBound(hid); j < bound; j += L) {
            FloatVector i = FloatVector.fromArray(VectorMath.SPECIES, gates, gr + j);
            FloatVector o = FloatVector.fromArray(VectorMath.SPECIES, gates, gr + hid + j);
            FloatVector f = FloatVector.fromArray(VectorMath.SPECIES, gates, gr + 2 * hid + j);
            FloatVector cand = FloatVector.fromArray(VectorMath.SPECIES, gates, gr + 3 * hid + j);
            FloatVector tc = FloatVector.fromArray(VectorMath.SPECIES, tanhC, hr + j);
            FloatVector dh = FloatVector.fromArray(VectorMath.SPECIES, dhOut, hr + j)
                    .add(FloatVector.fromArray(VectorMath.SPECIES, c.dhRec, qr + j));
            FloatVector dc = dh.mul(o).fma(one.sub(tc.mul(tc)), FloatVector.fromArray(VectorMath.SPECIES, dcRec, qr + j));
            FloatVector cPrev = prev >= 0 ? FloatVector.fromArray(VectorMath.SPECIES, cell, prev + j) : FloatVector.zero(VectorMath.SPECIES);
            dc.mul(cand).mul(i).mul(one.sub(i)).intoArray(gates, gr + j);
            dh.mul(tc).mul(o).mul(one.sub(o)).intoArray(gates, gr + hid + j);
            dc.mul(cPrev).mul(f).mul(one.sub(f)).intoArray(gates, gr + 2 * hid + j);
            dc.mul(i).mul(one.sub(cand.mul(cand))).intoArray(gates, gr + 3 * hid + j);
            dc.mul(f).intoArray(dcRec, qr + j);
        }
        // Same operations in the same order as the vector loop, so a unit's result does not depend on its lane.
        for (; j < hid; j++) {
            float i = gates[gr + j];
            float o = gates[gr + hid + j];
            float f = gates[gr + 2 * hid + j];
            float cand = gates[gr + 3 * hid + j];
            float tc = tanhC[hr + j];
            float dh = dhOut[hr + j] + c.dhRec[qr + j];
            float dc = Math.fma(dh * o, 1 - tc * tc, dcRec[qr + j]);
            float cPrev = prev >= 0 ? cell[prev + j] : 0f;
            gates[gr + j] = dc * cand * i * (1 - i);
            gates[gr + hid + j] = dh * tc * o * (1 - o);
            gates[gr + 2 * hid + j] = dc * cPrev * f * (1 - f);
            gates[gr + 3 * hid + j] = dc * i * (1 - cand * cand);
            dcRec[qr + j] = dc * f;
        }
    }
}
