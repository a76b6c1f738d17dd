package dev.seqserve.training.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, sigmoid and tanh built only from IEEE adds, multiplies, fused multiply-adds and bit operations (the Cephes
 * single-precision polynomials), in a vector and a scalar form that give identical bits.
 *
 * <p>Not {@code lanewise(EXP)}: its JIT-compiled (SVML) and interpreted results differ in the last bit, so a
 * network would compute different numbers before and after warm-up and two identical runs would not match.
 */
final class Activations {

    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    private static final int L = VectorMath.LANES;
    private static final float LOG2E = 1.44269504088896341f;
    /** Adding 1.5·2²³ rounds to an integer and leaves it in the low mantissa bits. */
    private static final float MAGIC = 12582912f;
    private static final int MAGIC_BITS = 0x4B400000;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float E5 = 1.9875691500e-4f;
    private static final float E4 = 1.3981999507e-3f;
    private static final float E3 = 8.3334519073e-3f;
    private static final float E2 = 4.1665795894e-2f;
    private static final float E1 = 1.6666665459e-1f;
    private static final float E0 = 5.0000001201e-1f;
    private static final float T4 = -5.70498872745e-3f;
    private static final float T3 = 2.06390887954e-2f;
    private static final float T2 = -5.37397155531e-2f;
    private static final float T1 = 1.33314422036e-1f;
    private static final float T0 = -3.33332819422e-1f;
    private static final float SMALL = 0.625f;

    private Activations() {
    }

    static float exp(float x) {
        x = Math.min(Math.max(x, -87f), 88f);
        float t = Math.fma(x, LOG2E, MAGIC);
        float n = t - MAGIC;
        float r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(E5, r, E4), r, E3), r, E2), r, E1), r, E0);
        float y = Math.fma(p, r * r, r) + 1f;
        return y * Float.intBitsToFloat((Float.floatToRawIntBits(t) - MAGIC_BITS + 127) << 23);
    }

    static FloatVector exp(FloatVector x) {
        x = x.max(-87f).min(88f);
        FloatVector t = x.fma(LOG2E, MAGIC);
        FloatVector n = t.sub(MAGIC);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), x);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = r.fma(E5, E4);
        p = p.fma(r, FloatVector.broadcast(S, E3));
        p = p.fma(r, FloatVector.broadcast(S, E2));
        p = p.fma(r, FloatVector.broadcast(S, E1));
        p = p.fma(r, FloatVector.broadcast(S, E0));
        FloatVector y = p.fma(r.mul(r), r).add(1f);
        IntVector bits = t.reinterpretAsInts();
        FloatVector scale = bits.sub(MAGIC_BITS - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return y.mul(scale);
    }

    static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }

    static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(S, 1f).div(exp(x.neg()).add(1f));
    }

    static float tanh(float x) {
        float a = Math.abs(x);
        if (a < SMALL) {
            float z = x * x;
            float p = Math.fma(Math.fma(Math.fma(Math.fma(T4, z, T3), z, T2), z, T1), z, T0);
            return Math.fma(p * z, x, x);
        }
        float y = 1f - 2f / (exp(2f * a) + 1f);
        return x < 0 ? -y : y;
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = x.mul(x);
        FloatVector p = z.fma(T4, T3);
        p = p.fma(z, FloatVector.broadcast(S, T2));
        p = p.fma(z, FloatVector.broadcast(S, T1));
        p = p.fma(z, FloatVector.broadcast(S, T0));
        FloatVector small = p.mul(z).fma(x, x);
        FloatVector big = exp(a.mul(2f)).add(1f);
        big = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(big));
        big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
        VectorMask<Float> isSmall = a.compare(VectorOperators.LT, SMALL);
        return big.blend(small, isSmall);
    }

    /** x[off..+len) = σ(x), in place. */
    static void sigmoid(float[] x, int off, int len) {
        int i = 0;
        for (int bound = S.loopBound(len); i < bound; i += L) {
            sigmoid(FloatVector.fromArray(S, x, off + i)).intoArray(x, off + i);
        }
        for (; i < len; i++) {
            x[off + i] = sigmoid(x[off + i]);
        }
    }

    /** x[off..+len) = tanh(x), in place. */
    static void tanh(float[] x, int off, int len) {
        int i = 0;
        for (int bound = S.loopBound(len); i < bound; i += L) {
            tanh(FloatVector.fromArray(S, x, off + i)).intoArray(x, off + i);
        }
        for (; i < len; i++) {
            x[off + i] = tanh(x[off + i]);
        }
    }
}
