package dev.seqserve.preprocess;

import dev.seqserve.artifact.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits review text into word tokens with one hand-written pass over the characters.
 *
 * <p>The rules, in the order a character meets them:
 * <ol>
 *   <li>With {@code stripHtml}, a tag ({@code <} followed by a letter, {@code /}, {@code !} or
 *       {@code ?}, up to the next {@code >} on the same line and before any other {@code <}) becomes a
 *       token boundary, so {@code good<br />bad} is two words; a {@code <} that does not open a tag
 *       ({@code <3}, {@code < 30}) is ordinary punctuation. The entities {@code &amp; &quot; &#39;
 *       &apos; &lt; &gt; &nbsp;} and numeric ones ({@code &#345;}, {@code &#x2019;}) are decoded;
 *       anything else that starts with {@code &} stays as written.</li>
 *   <li>Whitespace, control and invisible format characters separate tokens.</li>
 *   <li>A word is a run of letters, digits and combining marks. With {@code lowercase} it is
 *       folded with {@link Character#toLowerCase(int)}, which does not depend on the locale.</li>
 *   <li>An apostrophe ({@code '} or the typographic {@code U+2019}, always written as {@code '})
 *       between two word characters stays inside the word: {@code don't}, {@code it's} and
 *       {@code o'clock} are one token each. Elsewhere it is punctuation.</li>
 *   <li>With {@code splitPunctuation} every other character is punctuation and a token of its own,
 *       except that a run of the same mark is one token: {@code wow!!!} is {@code wow}, {@code !!!}
 *       and {@code "well..."} is {@code "}, {@code well}, {@code ...}, {@code "}. Runs are kept
 *       whole because {@code ...} and {@code !!!} carry tone. Hyphens and full stops split too:
 *       {@code well-made} is three tokens, {@code 7.5} is {@code 7}, {@code .}, {@code 5}.
 *       Without {@code splitPunctuation} a token is everything between two boundaries.</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe. {@link #scan} hands tokens out of a scratch buffer
 * without creating strings, which is what the encoder uses on every request.
 */
public final class Tokenizer {

    private final boolean lowercase;
    private final boolean stripHtml;
    private final boolean splitPunctuation;

    /**
     * @param lowercase fold tokens to lower case
     * @param stripHtml remove HTML tags and decode common entities
     * @param splitPunctuation make punctuation marks tokens of their own
     */
    public Tokenizer(boolean lowercase, boolean stripHtml, boolean splitPunctuation) {
        this.lowercase = lowercase;
        this.stripHtml = stripHtml;
        this.splitPunctuation = splitPunctuation;
    }

    /** The tokenizer a manifest's text section describes. */
    public static Tokenizer from(Manifest.TextPreprocessing text) {
        return new Tokenizer(text.lowercase(), text.stripHtml(), text.splitPunctuation());
    }

    /** Receives tokens as character ranges of a buffer that is reused after the call returns. */
    @FunctionalInterface
    public interface TokenSink {

        /**
         * @param chars buffer holding the token; valid only during this call
         * @param offset index of the token's first character
         * @param length number of characters, at least 1
         */
        void token(char[] chars, int offset, int length);
    }

    /** Like {@link TokenSink}, with where each token lies in the source text. */
    @FunctionalInterface
    public interface SpanSink {

        /**
         * @param chars buffer holding the token; valid only during this call
         * @param offset index of the token's first character
         * @param length number of characters, at least 1
         * @param start index in the source text (UTF-16 units) of the token's first character
         * @param end index in the source text just after its last character; an entity such as
         *     {@code &amp;} or a surrogate pair counts whole
         */
        void token(char[] chars, int offset, int length, int start, int end);
    }

    /** Whether tokens are folded to lower case. */
    public boolean lowercase() {
        return lowercase;
    }

    /** Whether HTML tags are removed and entities decoded. */
    public boolean stripHtml() {
        return stripHtml;
    }

    /** Whether punctuation marks become tokens of their own. */
    public boolean splitPunctuation() {
        return splitPunctuation;
    }

    /**
     * @param text the raw text
     * @return its tokens in order; empty when the text has none
     */
    public List<String> tokenize(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        scan(text, (chars, offset, length) -> tokens.add(new String(chars, offset, length)));
        return tokens;
    }

    /**
     * Feeds each token of a text to a sink, in order, without allocating a string per token.
     *
     * @param text the raw text
     * @param sink receives every token
     * @return the number of tokens
     */
    public int scan(CharSequence text, TokenSink sink) {
        return scan(text, (SpanSink) (chars, offset, length, start, end) -> sink.token(chars, offset, length));
    }

    /**
     * Feeds each token of a text with its source span to a sink, in order.
     *
     * @param text the raw text
     * @param sink receives every token and where it lies in {@code text}
     * @return the number of tokens
     */
    public int scan(CharSequence text, SpanSink sink) {
        TokenScan scan = new TokenScan(sink, lowercase, splitPunctuation);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (stripHtml && c == '<') {
                int end = Html.tagEnd(text, i);
                if (end > 0) {
                    scan.boundary();
                    i = end;
                    continue;
                }
            } else if (stripHtml && c == '&') {
                long decoded = Html.entity(text, i);
                if (decoded != 0) {
                    int length = (int) (decoded >>> 32);
                    scan.accept((int) decoded, i, i + length);
                    i += length;
                    continue;
                }
            }
            if (c < Character.MIN_SURROGATE) {
                scan.accept(c, i, i + 1);
                i++;
            } else {
                int cp = Character.codePointAt(text, i);
                int count = Character.charCount(cp);
                scan.accept(cp, i, i + count);
                i += count;
            }
        }
        return scan.finish();
    }
}
