package dev.seqserve.preprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids: {@value #PAD_ID} is {@value #PAD}, {@value #OOV_ID} is {@value #OOV}, then the most
 * frequent training tokens, most frequent first, ties broken by the token's string order so a fit
 * is repeatable. Immutable and thread-safe; looking up a token allocates nothing.
 */
public final class Vocabulary {

    /** The padding token, never produced from text. */
    public static final String PAD = "<pad>";
    /** The out-of-vocabulary token, never produced from text. */
    public static final String OOV = "<oov>";
    /** Id of {@link #PAD}. */
    public static final int PAD_ID = 0;
    /** Id of {@link #OOV} and of every token the vocabulary does not hold. */
    public static final int OOV_ID = 1;

    private final List<String> tokens;
    private final TokenTable table;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.table = new TokenTable(this.tokens, 2);
    }

    /**
     * Rebuilds a vocabulary from its token list, e.g. the lines of {@code vocab.txt}.
     *
     * @param tokens token per id; must start with {@value #PAD} and {@value #OOV}
     * @throws IllegalArgumentException if the reserved tokens are not first, or a token is empty,
     *     repeated or contains a line break
     */
    public static Vocabulary fromTokens(List<String> tokens) {
        if (tokens.size() < 2 || !PAD.equals(tokens.get(PAD_ID)) || !OOV.equals(tokens.get(OOV_ID))) {
            throw new IllegalArgumentException("a vocabulary starts with " + PAD + " and " + OOV);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int id = 0; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (token == null || token.isEmpty() || token.indexOf('\n') >= 0 || token.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("token " + id + " is empty or contains a line break");
            }
            Integer earlier = seen.put(token, id);
            if (earlier != null) {
                throw new IllegalArgumentException("token \"" + token + "\" has ids " + earlier + " and " + id);
            }
        }
        return new Vocabulary(tokens);
    }

    /**
     * Reads a vocabulary written by {@link #write(Path)}.
     *
     * @param file one token per line, UTF-8
     */
    public static Vocabulary read(Path file) throws IOException {
        return fromTokens(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * Counts the tokens of training texts.
     *
     * @param texts the training split only, so nothing about the evaluation data leaks into the ids
     * @param tokenizer the tokenizer the model will use
     * @return occurrences per token
     */
    public static Map<String, Long> count(Iterable<? extends CharSequence> texts, Tokenizer tokenizer) {
        Map<String, long[]> counts = new HashMap<>();
        for (CharSequence text : texts) {
            tokenizer.scan(text, (chars, offset, length) ->
                    counts.computeIfAbsent(new String(chars, offset, length), k -> new long[1])[0]++);
        }
        Map<String, Long> result = new HashMap<>(counts.size() * 2);
        counts.forEach((token, n) -> result.put(token, n[0]));
        return result;
    }

    /**
     * Fits a vocabulary to training texts.
     *
     * @param maxSize the most ids, counting {@value #PAD} and {@value #OOV}
     */
    public static Vocabulary fit(Iterable<? extends CharSequence> texts, Tokenizer tokenizer, int maxSize) {
        return fit(count(texts, tokenizer), maxSize);
    }

    /**
     * Keeps the most frequent tokens.
     *
     * @param counts occurrences per token
     * @param maxSize the most ids, counting {@value #PAD} and {@value #OOV}; at least 2
     */
    public static Vocabulary fit(Map<String, Long> counts, int maxSize) {
        if (maxSize < 2) {
            throw new IllegalArgumentException("maxSize must be at least 2, was " + maxSize);
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e -> e.getKey().equals(PAD) || e.getKey().equals(OOV) || e.getKey().isEmpty());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> tokens = new ArrayList<>(Math.min(maxSize, entries.size() + 2));
        tokens.add(PAD);
        tokens.add(OOV);
        for (int i = 0; i < entries.size() && tokens.size() < maxSize; i++) {
            tokens.add(entries.get(i).getKey());
        }
        return fromTokens(tokens);
    }

    /**
     * @return the token's id, or {@value #OOV_ID} when it is not in the vocabulary; the reserved
     *     tokens also give {@value #OOV_ID}, because text must never turn into padding
     */
    public int id(String token) {
        return table.find(token, OOV_ID);
    }

    /** Like {@link #id(String)} for a token held in a character buffer. */
    public int id(char[] chars, int offset, int length) {
        return table.find(chars, offset, length, OOV_ID);
    }

    /** Number of ids, including {@value #PAD} and {@value #OOV}. */
    public int size() {
        return tokens.size();
    }

    /** The token of each id, in id order. */
    public List<String> tokens() {
        return tokens;
    }

    /**
     * Writes one token per line, UTF-8, the line index being the id.
     *
     * @param file the file, replaced if present
     */
    public void write(Path file) throws IOException {
        // '\n' on every platform, so the file's checksum does not depend on where it was written.
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            text.append(token).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
