package dev.seqserve.training.sentiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Batches of example indices grouped by length so that padding wastes little, in a shuffled but
 * seeded order so that a run repeats exactly.
 */
final class Batches {

    private Batches() {}

    /**
     * @param lengths each example's length
     * @param batchSize examples per batch (the last of a bucket may be smaller)
     * @param random the run's random source; the same state gives the same batches
     * @return batches of indices into {@code lengths}
     */
    static List<int[]> byLength(int[] lengths, int batchSize, Random random) {
        Integer[] order = new Integer[lengths.length];
        double[] jitter = new double[lengths.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            jitter[i] = random.nextDouble();
        }
        // Sort by length, ties in random order, so batches differ between epochs but stay compact.
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> lengths[i]).thenComparingDouble(i -> jitter[i]));
        List<int[]> batches = chunks(order, batchSize);
        Collections.shuffle(batches, random);
        return batches;
    }

    /** Consecutive chunks of {@code 0..size-1} in length order, for evaluation. */
    static List<int[]> sortedChunks(int[] lengths, int chunk) {
        Integer[] order = new Integer[lengths.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
        return chunks(order, chunk);
    }

    private static List<int[]> chunks(Integer[] order, int size) {
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < order.length; from += size) {
            int to = Math.min(order.length, from + size);
            int[] c = new int[to - from];
            for (int i = from; i < to; i++) {
                c[i - from] = order[i];
            }
            chunks.add(c);
        }
        return chunks;
    }
}
