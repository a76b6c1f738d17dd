package dev.seqserve.training.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix products on row-major float arrays with the Vector API: a 6-row × 2-vector register tile (the fastest
 * shape measured on this AVX2 machine), smaller tiles for the row and column tails, and cache blocking.
 *
 * <p>Each element of C accumulates its terms in increasing order of the shared index, one fused multiply-add per
 * term, whichever tile, tail or block computes it. A row's result therefore never depends on the other rows of
 * the call, which is what makes batching and padding invisible in the networks' outputs.
 */
final class Gemm {

    private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;
    private static final int LANES = VectorMath.LANES;

    /** Shared-dimension block: keeps a 2-vector strip of B in L1 while a block of rows of A passes over it. */
    private static final int KC = 256;

    /** Row block, a multiple of the 6-row tile. */
    private static final int MC = 96;

    private Gemm() {
    }

    /** C[m×n] += A[m×k] · B[k×n]; all row-major with the given offsets and row strides. */
    static void multiply(float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                         float[] c, int cOff, int ldc, int m, int n, int k) {
        gemmStrided(a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc, m, n, k);
    }

    /** C[m×n] += Aᵀ · B where A is stored row-major as [k×m] and B as [k×n]. */
    static void multiplyTransA(float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
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
                    if (i + 3 <= i1) {
                        block3x2(a, aOff + i * ai, ai, ap, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc, p0, p1);
                        i += 3;
                    }
                    if (i + 2 <= i1) {
                        block2x2(a, aOff + i * ai, ai, ap, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc, p0, p1);
                        i += 2;
                    }
                    if (i < i1) {
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

    /** Row tail of up to three rows: a 3-row × 2-vector tile. */
    private static void block3x2(float[] a, int aBase, int ai, int ap, float[] b, int bBase, int ldb,
                                 float[] c, int cBase, int ldc, int p0, int p1) {
        int l = LANES;
        FloatVector c00 = FloatVector.fromArray(SPECIES, c, cBase);
        FloatVector c01 = FloatVector.fromArray(SPECIES, c, cBase + l);
        FloatVector c10 = FloatVector.fromArray(SPECIES, c, cBase + ldc);
        FloatVector c11 = FloatVector.fromArray(SPECIES, c, cBase + ldc + l);
        FloatVector c20 = FloatVector.fromArray(SPECIES, c, cBase + 2 * ldc);
        FloatVector c21 = FloatVector.fromArray(SPECIES, c, cBase + 2 * ldc + l);
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
        }
        c00.intoArray(c, cBase);
        c01.intoArray(c, cBase + l);
        c10.intoArray(c, cBase + ldc);
        c11.intoArray(c, cBase + ldc + l);
        c20.intoArray(c, cBase + 2 * ldc);
        c21.intoArray(c, cBase + 2 * ldc + l);
    }

    /** Row tail of two rows: a 2-row × 2-vector tile. */
    private static void block2x2(float[] a, int aBase, int ai, int ap, float[] b, int bBase, int ldb,
                                 float[] c, int cBase, int ldc, int p0, int p1) {
        int l = LANES;
        FloatVector c00 = FloatVector.fromArray(SPECIES, c, cBase);
        FloatVector c01 = FloatVector.fromArray(SPECIES, c, cBase + l);
        FloatVector c10 = FloatVector.fromArray(SPECIES, c, cBase + ldc);
        FloatVector c11 = FloatVector.fromArray(SPECIES, c, cBase + ldc + l);
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
        }
        c00.intoArray(c, cBase);
        c01.intoArray(c, cBase + l);
        c10.intoArray(c, cBase + ldc);
        c11.intoArray(c, cBase + ldc + l);
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
}
