package dev.seqserve.training.nn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How a batch is split for the worker threads: examples sorted longest first (ties by position), then dealt
 * round-robin, which balances the work and leaves each shard sorted as {@link Packing} needs.
 */
final class ShardPlan {

    /** members[s][q]: batch index of shard s's q-th example, longest first. */
    final int[][] members;
    final Packing[] packings;

    private ShardPlan(int[][] members, Packing[] packings) {
        this.members = members;
        this.packings = packings;
    }

    static ShardPlan of(int[] lengths, int maxShards) {
        if (lengths.length == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        for (int len : lengths) {
            if (len < 1) {
                throw new IllegalArgumentException("every sequence needs length >= 1, got " + len);
            }
        }
        Integer[] order = IntStream.range(0, lengths.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -lengths[i]).thenComparingInt(i -> i));
        int shards = Math.min(maxShards, lengths.length);
        int[][] members = new int[shards][];
        Packing[] packings = new Packing[shards];
        for (int s = 0; s < shards; s++) {
            int count = (lengths.length - s + shards - 1) / shards;
            members[s] = new int[count];
            int[] sortedLengths = new int[count];
            for (int q = 0; q < count; q++) {
                members[s][q] = order[s + q * shards];
                sortedLengths[q] = lengths[members[s][q]];
            }
            packings[s] = new Packing(sortedLengths);
        }
        return new ShardPlan(members, packings);
    }

    int shards() {
        return members.length;
    }
}
