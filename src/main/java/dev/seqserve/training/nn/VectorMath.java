package dev.seqserve.training.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** SIMD element-wise kernels on row-major float arrays (the matrix products live in {@link Gemm}). */
final class VectorMath {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    private VectorMath() {
    }

    /** dst[rows×cols] = transpose of src[cols×rows]: dst(i, j) = src(j, i). */
    static void transpose(float[] src, int srcRows, int srcCols, float[] dst) {
        for (int i0 = 0; i0 < srcRows; i0 += 32) {
            int i1 = Math.min(srcRows, i0 + 32);
            for (int j0 = 0; j0 < srcCols; j0 += 32) {
                int j1 = Math.min(srcCols, j0 + 32);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        dst[j * srcRows + i] = src[i * srcCols + j];
                    }
                }
            }
        }
    }

    /** y[yOff..+len) += alpha · x[xOff..+len). */
    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        FloatVector va = FloatVector.broadcast(SPECIES, alpha);
        int i = 0;
        for (int bound = SPECIES.loopBound(len); i < bound; i += LANES) {
            FloatVector vy = FloatVector.fromArray(SPECIES, y, yOff + i);
            va.fma(FloatVector.fromArray(SPECIES, x, xOff + i), vy).intoArray(y, yOff + i);
        }
        for (; i < len; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    /** y[yOff..+len) += x[xOff..+len). */
    static void add(float[] x, int xOff, float[] y, int yOff, int len) {
        int i = 0;
        for (int bound = SPECIES.loopBound(len); i < bound; i += LANES) {
            FloatVector vy = FloatVector.fromArray(SPECIES, y, yOff + i);
            vy.add(FloatVector.fromArray(SPECIES, x, xOff + i)).intoArray(y, yOff + i);
        }
        for (; i < len; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    /** Sum of x[i]·y[i] over len elements, accumulated in lanes then reduced in a fixed order. */
    static float dot(float[] x, int xOff, float[] y, int yOff, int len) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(len); i < bound; i += LANES) {
            acc = FloatVector.fromArray(SPECIES, x, xOff + i).fma(FloatVector.fromArray(SPECIES, y, yOff + i), acc);
        }
        // Not reduceLanes: its compiled and interpreted summation orders differ, which would break determinism.
        float[] lanes = new float[LANES];
        acc.intoArray(lanes, 0);
        float sum = 0f;
        for (float lane : lanes) {
            sum += lane;
        }
        for (; i < len; i++) {
            sum = Math.fma(x[xOff + i], y[yOff + i], sum);
        }
        return sum;
    }
}
