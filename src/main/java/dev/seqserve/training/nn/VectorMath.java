package dev.seqserve.training.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on row-major float arrays: the matrix products and element-wise loops the layers need.
 *
 * <p>Every kernel sums over the shared dimension in increasing index order with one fused multiply-add per
 * term, whichever code path (vector block, vector column tail or scalar tail) handles an element, so a row's
 * result never depends on the other rows in the same call. That is what makes padding and batching invisible.
 */
final class VectorMath {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    /** Shared-dimension block: keeps a 2-vector strip of B in L1 while a block of rows of A passes over it. */
    private static final int KC = 256;

    /** Row block: keeps the rows of A for one shared-dimension block in L1/L2 while the strips of B pass. */
    private static final int MC = 96;

    private VectorMath() {
    }

    /** C[m×n] += A[m×k] · B[k×n]; all row-major with the given offsets and row strides. */
    static void gemm(float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, int m, int n, int k) {
        gemmStrided(a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc, m, n, k);
    }

    /** C[m×n] += Aᵀ · B where A is stored row-major as [k×m] and B as [k×n]. */
    static void gemmTransA(float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc, int m, int n, int k) {
        gemmStrided(a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc, m, n, k);
    }

    /** C += A·B with A(i, p) at a[aOff + i·ai + p·ap]. */
    private static void gemmStrided(float[] a, int aOff, int ai, int ap, float[] b, int bOff, int ldb,
                                    float[] c, int cOff, int ldc, int m, int n, int k) {
        int wide = 2 * LANES;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int p1 = Math.min(k, p0 + KC);
            for (int i0 = 0; i0 < m; i0 += MC) {
                int i1 = Math.min(m, i0 + MC);
                int j = 0;
                for (; j + wide <= n; j += wide) {
                    int i = i0;
                    for (; i + 6 <= i1; i += 6) {
                        block6x2(a, aOff + i * ai, ai, ap, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc, p0, p1);
                    }
                    for (; i < i1; i++) {
                        block1x2(a, aOff + i * ai, ap, b, bOff + j, ldb, c, cOff + i * ldc + j, p0, p1);
                    }
                }
                for (; j + LANES <= n; j += LANES) {
                    for (int i = i0; i < i1; i++) {
                        block1x1(a, aOff + i * ai, ap, b, bOff + j, ldb, c, cOff + i * ldc + j, p0, p1);
                    }
                }
                for (; j < n; j++) {
                    for (int i = i0; i < i1; i++) {
                        int ci = cOff + i * ldc + j;
                        float acc = c[ci];
                        int aIdx = aOff + i * ai;
                        for (int p = p0; p < p1; p++) {
                            acc = Math.fma(a[aIdx + p * ap], b[bOff + p * ldb + j], acc);
                        }
                        c[ci] = acc;
                    }
                }
            }
        }
    }

    /** The main micro-kernel: a 6-row × 2-vector tile of C in 12 registers (measured fastest here on AVX2). */
    private static void block6x2(float[] a, int aBase, int ai, int ap, float[] b, int bBase, int ldb,
                                 float[] c, int cBase, int ldc, int p0, int p1) {
        int l = LANES;
        FloatVector c00 = FloatVector.fromArray(SPECIES, c, cBase);
        FloatVector c01 = FloatVector.fromArray(SPECIES, c, cBase + l);
        FloatVector c10 = FloatVector.fromArray(SPECIES, c, cBase + ldc);
        FloatVector c11 = FloatVector.fromArray(SPECIES, c, cBase + ldc + l);
        FloatVector c20 = FloatVector.fromArray(SPECIES, c, cBase + 2 * ldc);
        FloatVector c21 = FloatVector.fromArray(SPECIES, c, cBase + 2 * ldc + l);
        FloatVector c30 = FloatVector.fromArray(SPECIES, c, cBase + 3 * ldc);
        FloatVector c31 = FloatVector.fromArray(SPECIES, c, cBase + 3 * ldc + l);
        FloatVector c40 = FloatVector.fromArray(SPECIES, c, cBase + 4 * ldc);
        FloatVector c41 = FloatVector.fromArray(SPECIES, c, cBase + 4 * ldc + l);
        FloatVector c50 = FloatVector.fromArray(SPECIES, c, cBase + 5 * ldc);
        FloatVector c51 = FloatVector.fromArray(SPECIES, c, cBase + 5 * ldc + l);
        for (int p = p0; p < p1; p++) {
            int bi = bBase + p * ldb;
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + l);
            int aIdx = aBase + p * ap;
            FloatVector x = FloatVector.broadcast(SPECIES, a[aIdx]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(SPECIES, a[aIdx + ai]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(SPECIES, a[aIdx + 2 * ai]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(SPECIES, a[aIdx + 3 * ai]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(SPECIES, a[aIdx + 4 * ai]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(SPECIES, a[aIdx + 5 * ai]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, cBase);
        c01.intoArray(c, cBase + l);
        c10.intoArray(c, cBase + ldc);
        c11.intoArray(c, cBase + ldc + l);
        c20.intoArray(c, cBase + 2 * ldc);
        c21.intoArray(c, cBase + 2 * ldc + l);
        c30.intoArray(c, cBase + 3 * ldc);
        c31.intoArray(c, cBase + 3 * ldc + l);
        c40.intoArray(c, cBase + 4 * ldc);
        c41.intoArray(c, cBase + 4 * ldc + l);
        c50.intoArray(c, cBase + 5 * ldc);
        c51.intoArray(c, cBase + 5 * ldc + l);
    }

    private static void block1x2(float[] a, int aBase, int ap, float[] b, int bBase, int ldb,
                                 float[] c, int cBase, int p0, int p1) {
        int l = LANES;
        FloatVector c0 = FloatVector.fromArray(SPECIES, c, cBase);
        FloatVector c1 = FloatVector.fromArray(SPECIES, c, cBase + l);
        for (int p = p0; p < p1; p++) {
            int bi = bBase + p * ldb;
            FloatVector x = FloatVector.broadcast(SPECIES, a[aBase + p * ap]);
            c0 = x.fma(FloatVector.fromArray(SPECIES, b, bi), c0);
            c1 = x.fma(FloatVector.fromArray(SPECIES, b, bi + l), c1);
        }
        c0.intoArray(c, cBase);
        c1.intoArray(c, cBase + l);
    }

    private static void block1x1(float[] a, int aBase, int ap, float[] b, int bBase, int ldb,
                                 float[] c, int cBase, int p0, int p1) {
        FloatVector c0 = FloatVector.fromArray(SPECIES, c, cBase);
        for (int p = p0; p < p1; p++) {
            FloatVector x = FloatVector.broadcast(SPECIES, a[aBase + p * ap]);
            c0 = x.fma(FloatVector.fromArray(SPECIES, b, bBase + p * ldb), c0);
        }
        c0.intoArray(c, cBase);
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
