package dev.seqserve.training.nn;

import java.util.Arrays;

/**
 * What one shard's forward pass through one recurrent layer keeps for its backward pass, plus scratch buffers;
 * the arrays only grow, so a long training run stops allocating after the first long batch.
 */
final class RnnCache {

    /** The packed input [rows × input], or the distinct input rows when {@link #slots} is set; owned by the caller. */
    float[] x;
    /** Per packed row, the index of its distinct input row; null for dense input. */
    int[] slots;
    /** Number of distinct input rows when {@link #slots} is set. */
    int distinct;
    /** Projections of the distinct rows [distinct × G]; reused for their summed gate gradients in the backward pass. */
    float[] projected = new float[0];
    /** Activated gates [rows × G]; the backward pass overwrites them with the input-side gate gradients. */
    float[] gates = new float[0];
    /** GRU: Rh·h + Rbh per row [rows × H]; LSTM: the cell state C. */
    float[] aux = new float[0];
    /** LSTM: tanh(C) [rows × H]; GRU: the recurrent-side gate gradients [rows × G]. */
    float[] aux2 = new float[0];
    /** The outputs h [rows × H]. */
    float[] h = new float[0];
    /** Scratch: the previous hidden state of every row [rows × H]. */
    float[] hPrev = new float[0];
    /** Scratch: per-example gradient flowing back to the previous step [batch × H]. */
    float[] dhRec = new float[0];
    /** Scratch: LSTM cell-state gradient to the previous step [batch × H]; GRU: one step's R·h [batch × G]. */
    float[] stepBuf = new float[0];

    static float[] grow(float[] array, int size) {
        return array.length >= size ? array : new float[Math.max(size, array.length + array.length / 4)];
    }

    static float[] growZeroed(float[] array, int size) {
        if (array.length >= size) {
            Arrays.fill(array, 0, size, 0f);
            return array;
        }
        return grow(array, size);
    }
}
