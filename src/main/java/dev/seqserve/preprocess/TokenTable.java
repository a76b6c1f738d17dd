package dev.seqserve.preprocess;

import java.util.List;

/**
 * An open-addressing hash table from token to id that looks tokens up straight from a character
 * buffer, so encoding a request does not create a string per token.
 */
final class TokenTable {

    private final String[] keys;
    /** Each key's {@code hashCode()}, so a probe touches a key's characters only when the hashes agree. */
    private final int[] hashes;
    private final int[] ids;
    private final int mask;

    /**
     * @param tokens token per id
     * @param firstId the first id to index; ids below it are never found
     */
    TokenTable(List<String> tokens, int firstId) {
        int capacity = Integer.highestOneBit(Math.max(4, (tokens.size() - firstId) * 2 - 1)) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
        for (int id = firstId; id < tokens.size(); id++) {
            String token = tokens.get(id);
            int slot = spread(token.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = token;
            hashes[slot] = token.hashCode();
            ids[slot] = id;
        }
    }

    int find(String token, int missing) {
        for (int slot = spread(token.hashCode()) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot].equals(token)) {
                return ids[slot];
            }
        }
        return missing;
    }

    int find(char[] chars, int offset, int length, int missing) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i]; // String.hashCode() of the same characters
        }
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && matches(keys[slot], chars, offset, length)) {
                return ids[slot];
            }
        }
        return missing;
    }

    private static boolean matches(String key, char[] chars, int offset, int length) {
        if (key.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) != chars[offset + i]) {
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
