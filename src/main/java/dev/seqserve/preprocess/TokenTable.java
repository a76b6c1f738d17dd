package dev.seqserve.preprocess;

import java.util.List;

/**
 * An open-addressing hash table from token to id that looks tokens up straight from a character
 * buffer, so encoding a request does not create a string per token.
 *
 * <p>A slot is two adjacent longs: the key's hash with its id, and the key itself. A key of at most
 * {@value #INLINE_CHARS} characters, each in {@code 1..255} (most words of a Latin-script vocabulary), is
 * held in the slot as one byte per character, so finding it reads one cache line of the table and
 * nothing else; under load the model's runs on the same cores push the table out of the caches between
 * requests, so every line a look-up touches is a likely miss. A longer key lives in one shared
 * character pool and the slot holds where.
 */
final class TokenTable {

    /** The most characters a key held in its slot has. */
    static final int INLINE_CHARS = 8;
    private static final int SLOT_LONGS = 2;

    /** Per slot: {@code hash << 32 | id} (0 for an empty slot, as ids start at 1), then the key. */
    private final long[] slots;
    /** The characters of every key too long to be held in its slot, one after another. */
    private final char[] pool;
    private final int mask;

    /**
     * @param tokens token per id; none may be empty
     * @param firstId the first id to index, at least 1; ids below it are never found
     */
    TokenTable(List<String> tokens, int firstId) {
        if (firstId < 1) {
            throw new IllegalArgumentException("firstId must be at least 1, was " + firstId);
        }
        int capacity = Integer.highestOneBit(Math.max(4, (tokens.size() - firstId) * 2 - 1)) << 1;
        slots = new long[capacity * SLOT_LONGS];
        mask = capacity - 1;
        long[] inline = new long[tokens.size()];
        int poolSize = 0;
        for (int id = firstId; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (token.isEmpty()) {
                throw new IllegalArgumentException("token " + id + " is empty");
            }
            inline[id] = inlineKey(token.toCharArray(), 0, token.length());
            poolSize += inline[id] == 0 ? token.length() : 0;
        }
        pool = new char[poolSize];
        int next = 0;
        for (int id = firstId; id < tokens.size(); id++) {
            String token = tokens.get(id);
            int hash = token.hashCode();
            int slot = spread(hash) & mask;
            while (slots[slot * SLOT_LONGS] != 0) {
                slot = (slot + 1) & mask;
            }
            long key = inline[id];
            if (key == 0) {
                token.getChars(0, token.length(), pool, next);
                key = poolKey(next, token.length());
                next += token.length();
            }
            slots[slot * SLOT_LONGS] = (long) hash << 32 | id;
            slots[slot * SLOT_LONGS + 1] = key;
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
        long inline = inlineKey(chars, offset, length);
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long head = slots[slot * SLOT_LONGS];
            if (head == 0) {
                return missing;
            }
            if ((int) (head >>> 32) == hash) {
                long key = slots[slot * SLOT_LONGS + 1];
                if (inline != 0 ? key == inline : matchesPooled(key, chars, offset, length)) {
                    return (int) head; // the low half
                }
            }
        }
    }

    /**
     * The characters as one byte each from the lowest up, or 0 if they cannot be held so: more than
     * {@value #INLINE_CHARS}, or one outside {@code 1..255}. Never 0 otherwise, since the first byte is not.
     */
    private static long inlineKey(char[] chars, int offset, int length) {
        if (length > INLINE_CHARS) {
            return 0;
        }
        long key = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[offset + i];
            if (c == 0 || c > 0xFF) {
                return 0;
            }
            key |= (long) c << (Byte.SIZE * i);
        }
        return key;
    }

    /** A pooled key's start and length; its lowest byte is 0, so it never equals an inline key. */
    private static long poolKey(int start, int length) {
        return (long) start << 32 | (long) length << Byte.SIZE;
    }

    private boolean matchesPooled(long key, char[] chars, int offset, int length) {
        if ((key & 0xFF) != 0 || (int) key >>> Byte.SIZE != length) {
            return false;
        }
        int start = (int) (key >>> 32);
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
