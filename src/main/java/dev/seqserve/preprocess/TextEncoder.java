package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns raw text into the token ids a sentiment model reads: tokenize, look up, truncate.
 * Immutable and thread-safe; one call allocates the id array and a small scratch buffer.
 */
public final class TextEncoder {

    private final Tokenizer tokenizer;
    private final Vocabulary vocabulary;
    private final int maxLength;
    private final Manifest.Truncation truncation;

    /**
     * @param tokenizer splits text into tokens
     * @param vocabulary maps tokens to ids
     * @param maxLength the most ids a text becomes; at least 1
     * @param truncation which end of a longer text is kept
     */
    public TextEncoder(Tokenizer tokenizer, Vocabulary vocabulary, int maxLength, Manifest.Truncation truncation) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
        this.truncation = Objects.requireNonNull(truncation, "truncation");
    }

    /**
     * The encoder a sentiment manifest describes.
     *
     * @param manifest a manifest with a text section
     * @param vocabularyLines the lines of the manifest's vocabulary file
     * @throws IllegalArgumentException if the vocabulary does not match what the manifest says
     */
    public static TextEncoder from(Manifest manifest, List<String> vocabularyLines) {
        Manifest.TextPreprocessing text = manifest.text();
        if (text == null) {
            throw new IllegalArgumentException("manifest " + manifest.name() + " has no text section");
        }
        Vocabulary vocabulary = Vocabulary.fromTokens(vocabularyLines);
        if (vocabulary.size() != text.vocabularySize()) {
            throw new IllegalArgumentException("vocabulary has " + vocabulary.size()
                    + " tokens but the manifest says " + text.vocabularySize());
        }
        if (text.padId() != Vocabulary.PAD_ID || text.oovId() != Vocabulary.OOV_ID) {
            throw new IllegalArgumentException("padId and oovId must be " + Vocabulary.PAD_ID + " and "
                    + Vocabulary.OOV_ID + ", were " + text.padId() + " and " + text.oovId());
        }
        return new TextEncoder(Tokenizer.from(text), vocabulary, text.maxLength(), text.truncation());
    }

    /**
     * The manifest section that {@link #from} turns back into this encoder, so a trainer records exactly the
     * preprocessing it trained with.
     *
     * @param vocabularyFile the file name the vocabulary is written to in the artifact folder
     */
    public Manifest.TextPreprocessing describe(String vocabularyFile) {
        return new Manifest.TextPreprocessing(tokenizer.lowercase(), tokenizer.stripHtml(),
                tokenizer.splitPunctuation(), vocabularyFile, vocabulary.size(), Vocabulary.PAD_ID, Vocabulary.OOV_ID,
                maxLength, truncation);
    }

    /**
     * @param text the raw text
     * @return its ids, at most {@link #maxLength()} of them
     */
    public EncodedText encode(CharSequence text) {
        IdCollector collector = new IdCollector();
        tokenizer.scan(text, collector);
        return collector.result();
    }

    /**
     * Like {@link #encode}, keeping each read token's string and where it lies in the text; slower, for
     * explanations.
     *
     * @param text the raw text
     * @return the same ids as {@code encode(text)}, with their tokens and spans
     */
    public TokenSpans encodeWithSpans(CharSequence text) {
        List<String> tokens = new java.util.ArrayList<>();
        List<int[]> spans = new java.util.ArrayList<>();
        tokenizer.scan(text, (chars, offset, length, start, end) -> {
            tokens.add(new String(chars, offset, length));
            spans.add(new int[] {start, end});
        });
        int count = tokens.size();
        int from = count <= maxLength || truncation == Manifest.Truncation.HEAD ? 0 : count - maxLength;
        int to = Math.min(count, from + maxLength);
        int[] ids = new int[to - from];
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = from; i < to; i++) {
            ids[i - from] = vocabulary.id(tokens.get(i));
            starts[i - from] = spans.get(i)[0];
            ends[i - from] = spans.get(i)[1];
        }
        EncodedText encoded = new EncodedText(ids, count, count > maxLength);
        return new TokenSpans(encoded, tokens.subList(from, to), starts, ends);
    }

    /** The tokenizer. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The vocabulary. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The most ids a text becomes. */
    public int maxLength() {
        return maxLength;
    }

    /** Which end of a longer text is kept. */
    public Manifest.Truncation truncation() {
        return truncation;
    }

    /**
     * Collects ids into a ring of at most {@code maxLength} slots: for {@code TAIL} the ring keeps
     * the last ones without knowing the text's length in advance; for {@code HEAD} later ids are only
     * counted. The ring starts small because most requests are far shorter than the maximum.
     */
    private final class IdCollector implements Tokenizer.TokenSink {

        private int[] ring = new int[Math.min(maxLength, 64)];
        private int count;

        @Override
        public void token(char[] chars, int offset, int length) {
            if (count < maxLength) {
                if (count == ring.length) {
                    ring = Arrays.copyOf(ring, Math.min(maxLength, ring.length * 2));
                }
                ring[count] = vocabulary.id(chars, offset, length);
            } else if (truncation == Manifest.Truncation.TAIL) {
                ring[count % maxLength] = vocabulary.id(chars, offset, length);
            }
            count++;
        }

        EncodedText result() {
            if (count <= maxLength) {
                return new EncodedText(count == ring.length ? ring : Arrays.copyOf(ring, count), count, false);
            }
            if (truncation == Manifest.Truncation.HEAD) {
                return new EncodedText(ring, count, true);
            }
            int start = count % maxLength;
            int[] ids = new int[maxLength];
            System.arraycopy(ring, start, ids, 0, maxLength - start);
            System.arraycopy(ring, 0, ids, maxLength - start, start);
            return new EncodedText(ids, count, true);
        }
    }
}
