package dev.seqserve.preprocess;

import java.util.List;

/**
 * An open-addressing hash table from token to id that looks tokens up straight from a character
 * buffer, so encoding a request does not create a string per token.
 *
 * <p>A slot is four adjacent ints (the key's hash, where its characters start in one shared pool,
 * its length and its id), so a probe reads one cache line of the table and, only when the hashes
 * agree, one run of the pool: no per-key objects to chase.
 */
final class TokenTable {

    private static final int HASH = 0;
    private static final int START = 1;
    private static final int LENGTH = 2;
    private static final int ID = 3;
    private static final int SLOT_INTS = 4;

    /** Per slot: hash, pool start, length (0 for an empty slot) and id. */
    private final int[] slots;
    /** The characters of every key, one after another. */
    private final char[] pool;
    private final int mask;

    /**
     * @param tokens token per id; none may be empty
     * @param firstId the first id to index; ids below it are never found
     */
    TokenTable(List<String> tokens, int firstId) {
        int capacity = Integer.highestOneBit(Math.max(4, (tokens.size() - firstId) * 2 - 1)) << 1;
        slots = new int[capacity * SLOT_INTS];
        mask = capacity - 1;
        int poolSize = 0;
        for (int id = firstId; id < tokens.size(); id++) {
            poolSize += tokens.get(id).length();
        }
        pool = new char[poolSize];
        int next = 0;
        for (int id = firstId; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (token.isEmpty()) {
                throw new IllegalArgumentException("token " + id + " is empty");
            }
            int hash = token.hashCode();
            int slot = spread(hash) & mask;
            while (slots[slot * SLOT_INTS + LENGTH] != 0) {
                slot = (slot + 1) & mask;
            }
            token.getChars(0, token.length(), pool, next);
            int at = slot * SLOT_INTS;
            slots[at + HASH] = hash;
            slots[at + START] = next;
            slots[at + LENGTH] = token.length();
            slots[at + ID] = id;
            next += token.length();
        }
    }

    int find(String token, int missing) {
        char[] chars = token.toCharArray();
        return find(chars, 0, chars.length, missing);
    }

    int find(char[] chars, int offset, int length, int missing) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i]; // String.hashCode() of the same characters
        }
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * SLOT_INTS;
            int keyLength = slots[at + LENGTH];
            if (keyLength == 0) {
                return missing;
            }
            if (slots[at + HASH] == hash && keyLength == length && matches(slots[at + START], chars, offset, length)) {
                return slots[at + ID];
            }
        }
    }

    private boolean matches(int start, char[] chars, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (pool[start + i] != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** String hashes of short tokens cluster in the low bits; mixing keeps linear probing short. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
