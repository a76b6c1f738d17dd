package dev.seqserve.training.nn;

import java.util.Arrays;

/**
 * The distinct token ids of one shard's batch, in order of first use, and for every packed row the position of
 * its token among them, so that work done per token (embedding lookup, input projection, their gradients) is
 * done once per distinct token rather than once per occurrence.
 */
final class TokenIndex {

    /** Distinct ids, first {@link #count} entries valid. */
    int[] ids = new int[0];
    int count;
    /** Per packed row, the index into {@link #ids}. */
    int[] slots = new int[0];
    /** Per vocabulary id, its index into {@link #ids} while building, else −1. */
    private int[] indexOf = new int[0];

    void build(int[][] tokens, int[] members, Packing p, int vocab) {
        if (indexOf.length < vocab) {
            indexOf = new int[vocab];
            Arrays.fill(indexOf, -1);
        }
        if (slots.length < p.rows()) {
            slots = new int[p.rows()];
        }
        count = 0;
        for (int t = 0; t < p.steps(); t++) {
            for (int q = 0; q < p.active(t); q++) {
                int id = tokens[members[q]][t];
                int slot = indexOf[id];
                if (slot < 0) {
                    slot = count++;
                    indexOf[id] = slot;
                    if (ids.length < count) {
                        ids = Arrays.copyOf(ids, Math.max(64, ids.length * 2));
                    }
                    ids[slot] = id;
                }
                slots[p.row(t, q)] = slot;
            }
        }
        for (int i = 0; i < count; i++) {
            indexOf[ids[i]] = -1;
        }
    }
}
