package dev.seqserve.training.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GRU cell on packed sub-batches, ONNX gate order z, r, h with {@code linear_before_reset = 1}:
 * h̃ = tanh(Wh·x + Wbh + r⊙(Rh·h' + Rbh)) and h = (1−z)⊙h̃ + z⊙h'.
 */
final class GruKernel {

    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    private static final int L = VectorMath.LANES;

    private GruKernel() {
    }

    /** Runs the steps; {@code c.gates} already holds W·x + Wb for every row. */
    static void recur(RecurrentLayer layer, Packing p, RnnCache c) {
        int hid = layer.hidden;
        int g = layer.gateWidth;
        int rows = p.rows();
        c.aux = RnnCache.grow(c.aux, rows * hid);
        c.stepBuf = RnnCache.grow(c.stepBuf, p.batch() * g);
        float[] bias = layer.b.value();
        float[] gates = c.gates;
        float[] rec = c.stepBuf;
        for (int t = 0; t < p.steps(); t++) {
            int n = p.active(t);
            int base = p.offset(t);
            for (int q = 0; q < n; q++) {
                System.arraycopy(bias, g, rec, q * g, g);
            }
            if (t > 0) {
                Gemm.multiply(c.h, p.offset(t - 1) * hid, hid, layer.rT, 0, g, rec, 0, g, n, g, hid);
            }
            for (int q = 0; q < n; q++) {
                int row = base + q;
                int gr = row * g;
                VectorMath.add(rec, q * g, gates, gr, 2 * hid);
                Activations.sigmoid(gates, gr, 2 * hid);
                // Keep Rh·h' + Rbh: the backward pass needs it for dr.
                System.arraycopy(rec, q * g + 2 * hid, c.aux, row * hid, hid);
                resetProduct(gates, gr, rec, q * g, hid);
                Activations.tanh(gates, gr + 2 * hid, hid);
                update(gates, gr, c.h, t > 0 ? (p.offset(t - 1) + q) * hid : -1, row * hid, hid);
            }
        }
    }

    /**
     * Leaves the input-side gate gradients in {@code c.gates} and the recurrent-side ones (the h block
     * multiplied by r) in {@code c.aux2}.
     */
    static void backward(RecurrentLayer layer, Packing p, RnnCache c, float[] dh) {
        int hid = layer.hidden;
        int g = layer.gateWidth;
        c.aux2 = RnnCache.grow(c.aux2, p.rows() * g);
        c.dhRec = RnnCache.growZeroed(c.dhRec, p.batch() * hid);
        for (int t = p.steps() - 1; t >= 0; t--) {
            int n = p.active(t);
            int base = p.offset(t);
            for (int q = 0; q < n; q++) {
                int row = base + q;
                int prev = t > 0 ? (p.offset(t - 1) + q) * hid : -1;
                gateGradients(c, row, prev, q * hid, hid, g, dh);
            }
            if (t > 0) {
                Gemm.multiply(c.aux2, base * g, g, layer.r.value(), 0, hid, c.dhRec, 0, hid, n, hid, g);
            }
        }
    }

    /** One row: sets dhRec to the direct path z⊙dh; the caller adds the path through R. */
    private static void gateGradients(RnnCache c, int row, int prev, int qr, int hid, int g, float[] dhOut) {
        float[] gates = c.gates;
        float[] dGr = c.aux2;
        int gr = row * g;
        int hr = row * hid;
        int j = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int bound = S.loopBound(hid); j < bound; j += L) {
            FloatVector z = FloatVector.fromArray(S, gates, gr + j);
            FloatVector r = FloatVector.fromArray(S, gates, gr + hid + j);
            FloatVector cand = FloatVector.fromArray(S, gates, gr + 2 * hid + j);
            FloatVector hPrev = prev >= 0 ? FloatVector.fromArray(S, c.h, prev + j) : FloatVector.zero(S);
            FloatVector dh = FloatVector.fromArray(S, dhOut, hr + j).add(FloatVector.fromArray(S, c.dhRec, qr + j));
            FloatVector dz = dh.mul(hPrev.sub(cand)).mul(z).mul(one.sub(z));
            FloatVector dCand = dh.mul(one.sub(z)).mul(one.sub(cand.mul(cand)));
            FloatVector dr = dCand.mul(FloatVector.fromArray(S, c.aux, hr + j)).mul(r).mul(one.sub(r));
            dz.intoArray(gates, gr + j);
            dr.intoArray(gates, gr + hid + j);
            dCand.intoArray(gates, gr + 2 * hid + j);
            dz.intoArray(dGr, gr + j);
            dr.intoArray(dGr, gr + hid + j);
            dCand.mul(r).intoArray(dGr, gr + 2 * hid + j);
            dh.mul(z).intoArray(c.dhRec, qr + j);
        }
        // Same operations in the same order as the vector loop, so a unit's result does not depend on its lane.
        for (; j < hid; j++) {
            float z = gates[gr + j];
            float r = gates[gr + hid + j];
            float cand = gates[gr + 2 * hid + j];
            float hPrev = prev >= 0 ? c.h[prev + j] : 0f;
            float dh = dhOut[hr + j] + c.dhRec[qr + j];
            float dz = dh * (hPrev - cand) * z * (1 - z);
            float dCand = dh * (1 - z) * (1 - cand * cand);
            float dr = dCand * c.aux[hr + j] * r * (1 - r);
            gates[gr + j] = dz;
            gates[gr + hid + j] = dr;
            gates[gr + 2 * hid + j] = dCand;
            dGr[gr + j] = dz;
            dGr[gr + hid + j] = dr;
            dGr[gr + 2 * hid + j] = dCand * r;
            c.dhRec[qr + j] = dh * z;
        }
    }

    /** h̃ pre-activation += r ⊙ (Rh·h' + Rbh) for one row. */
    private static void resetProduct(float[] gates, int gr, float[] rec, int rr, int hid) {
        int j = 0;
        for (int bound = S.loopBound(hid); j < bound; j += L) {
            FloatVector r = FloatVector.fromArray(S, gates, gr + hid + j);
            r.fma(FloatVector.fromArray(S, rec, rr + 2 * hid + j), FloatVector.fromArray(S, gates, gr + 2 * hid + j))
                    .intoArray(gates, gr + 2 * hid + j);
        }
        for (; j < hid; j++) {
            gates[gr + 2 * hid + j] = Math.fma(gates[gr + hid + j], rec[rr + 2 * hid + j], gates[gr + 2 * hid + j]);
        }
    }

    /** h = z ⊙ (h' − h̃) + h̃ for one row, h' = 0 when {@code prev} is −1. */
    private static void update(float[] gates, int gr, float[] h, int prev, int hr, int hid) {
        int j = 0;
        for (int bound = S.loopBound(hid); j < bound; j += L) {
            FloatVector z = FloatVector.fromArray(S, gates, gr + j);
            FloatVector cand = FloatVector.fromArray(S, gates, gr + 2 * hid + j);
            FloatVector hPrev = prev >= 0 ? FloatVector.fromArray(S, h, prev + j) : FloatVector.zero(S);
            z.fma(hPrev.sub(cand), cand).intoArray(h, hr + j);
        }
        for (; j < hid; j++) {
            float z = gates[gr + j];
            float cand = gates[gr + 2 * hid + j];
            float hPrev = prev >= 0 ? h[prev + j] : 0f;
            h[hr + j] = Math.fma(z, hPrev - cand, cand);
        }
    }
}
