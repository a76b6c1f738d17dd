package dev.seqserve.preprocess;

import java.util.List;

/**
 * The tokens a model read from a text and where each lies in it, for explanations: token {@code i} is
 * {@code tokens.get(i)}, read as id {@code encoded.ids()[i]}, from {@code text.substring(start[i], end[i])}
 * (UTF-16 indices, as Java and JSON count).
 *
 * @param encoded the ids, exactly as {@link TextEncoder#encode} gives them
 * @param tokens the token strings, after lower-casing and entity decoding
 * @param start each token's first index in the text
 * @param end each token's end index in the text
 */
public record TokenSpans(EncodedText encoded, List<String> tokens, int[] start, int[] end) {

    public TokenSpans {
        tokens = List.copyOf(tokens);
        if (tokens.size() != encoded.ids().length || start.length != tokens.size() || end.length != tokens.size()) {
            throw new IllegalArgumentException("one token, start and end per id");
        }
    }

    /** The number of tokens read. */
    public int size() {
        return tokens.size();
    }
}
