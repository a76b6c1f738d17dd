package dev.seqserve.preprocess;

import java.util.List;

/**
 * An open-addressing hash table from token to id that looks tokens up straight from a character
 * buffer, so encoding a request does not create a string per token.
 *
 * <p>A slot is eight adjacent ints: the key's hash, its length (0 for an empty slot), its id, where its
 * characters past the first {@value #INLINE_CHARS} start in a shared pool, and those first characters,
 * two to an int. Most tokens are that short, so a look-up usually reads one slot and nothing else: the
 * table is large (about a megabyte for 20,000 tokens) and, between requests, other work evicts it from
 * the caches, so every further memory read would be a likely miss.
 */
final class TokenTable {

    private static final int HASH = 0;
    private static final int LENGTH = 1;
    private static final int ID = 2;
    private static final int REST = 3;
    private static final int CHARS = 4;
    private static final int INLINE_CHARS = 8;
    private static final int SLOT_INTS = CHARS + INLINE_CHARS / 2;

    /** Per slot: hash, length (0 for an empty slot), id, pool start of the rest, first characters. */
    private final int[] slots;
    /** The characters of every key past its first {@value #INLINE_CHARS}, one key after another. */
    private final char[] pool;
    private final int mask;

    /**
     * @param tokens token per id; none may be empty
     * @param firstId the first id to index; ids below it are never found
     */
    TokenTable(List<String> tokens, int firstId) {
        int keys = tokens.size() - firstId;
        // more than 1.5 slots per key: at most two thirds full, so linear probes stay short
        int capacity = Integer.highestOneBit(Math.max(4, keys + keys / 2)) << 1;
        slots = new int[capacity * SLOT_INTS];
        mask = capacity - 1;
        int poolSize = 0;
        for (int id = firstId; id < tokens.size(); id++) {
            poolSize += Math.max(0, tokens.get(id).length() - INLINE_CHARS);
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
            int at = slot * SLOT_INTS;
            slots[at + HASH] = hash;
            slots[at + LENGTH] = token.length();
            slots[at + ID] = id;
            slots[at + REST] = next;
            for (int i = 0; i < Math.min(INLINE_CHARS, token.length()); i++) {
                slots[at + CHARS + i / 2] |= token.charAt(i) << (16 * (i & 1));
            }
            for (int i = INLINE_CHARS; i < token.length(); i++) {
                pool[next++] = token.charAt(i);
            }
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
            if (slots[at + HASH] == hash && keyLength == length && matches(at, chars, offset, length)) {
                return slots[at + ID];
            }
        }
    }

    private boolean matches(int at, char[] chars, int offset, int length) {
        int inline = Math.min(INLINE_CHARS, length);
        for (int i = 0; i < inline; i++) {
            if ((char) (slots[at + CHARS + i / 2] >>> (16 * (i & 1))) != chars[offset + i]) {
                return false;
            }
        }
        int rest = slots[at + REST];
        for (int i = INLINE_CHARS; i < length; i++) {
            if (pool[rest + i - INLINE_CHARS] != chars[offset + i]) {
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
