package dev.seqserve.training.nn;

/**
 * The packed, time-major layout of a sub-batch whose examples are sorted by length, longest first (the same idea
 * as PyTorch's {@code PackedSequence}).
 *
 * <p>Step t stores one row for each of the {@code active(t)} examples still running, and those are always the
 * first ones, so a step's rows are contiguous and padding never reaches the arithmetic: an example that has ended
 * simply has no rows, which is how its state stays frozen and its outputs stay zero.
 */
final class Packing {

    private final int[] lengths;
    private final int[] active;
    private final int[] offset;

    /** @param sortedLengths lengths in non-increasing order, each at least 1 */
    Packing(int[] sortedLengths) {
        if (sortedLengths.length == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        for (int i = 0; i < sortedLengths.length; i++) {
            if (sortedLengths[i] < 1 || (i > 0 && sortedLengths[i] > sortedLengths[i - 1])) {
                throw new IllegalArgumentException("lengths must be >= 1 and sorted longest first");
            }
        }
        this.lengths = sortedLengths.clone();
        int steps = lengths[0];
        this.active = new int[steps];
        this.offset = new int[steps + 1];
        int running = lengths.length;
        for (int t = 0; t < steps; t++) {
            while (lengths[running - 1] <= t) {
                running--;
            }
            active[t] = running;
            offset[t + 1] = offset[t] + running;
        }
    }

    /** Number of examples. */
    int batch() {
        return lengths.length;
    }

    /** Longest length, the number of steps to run. */
    int steps() {
        return active.length;
    }

    /** Length of the example at sorted position {@code q}. */
    int length(int q) {
        return lengths[q];
    }

    /** Examples still running at step t. */
    int active(int t) {
        return active[t];
    }

    /** First row of step t; {@code offset(steps())} is the total row count. */
    int offset(int t) {
        return offset[t];
    }

    /** Total rows, the sum of the lengths. */
    int rows() {
        return offset[active.length];
    }

    /** Row of example q at step t (t must be below its length). */
    int row(int t, int q) {
        return offset[t] + q;
    }

    /** Row of example q's last real step, where its final state lives. */
    int lastRow(int q) {
        return offset[lengths[q] - 1] + q;
    }
}
