package dev.seqserve.preprocess;

import java.util.Arrays;

/** The state of one tokenizer pass: the token being built and what kind of token it is. */
final class TokenScan {

    private static final int NONE = 0;
    private static final int WORD = 1;
    private static final int PUNCT = 2;

    private final Tokenizer.SpanSink sink;
    private final boolean lowercase;
    private final boolean splitPunctuation;
    private char[] buf = new char[32];
    private int length;
    private int kind = NONE;
    private int punct;
    /** An apostrophe after a word; it joins the word only if a word character follows. */
    private boolean pendingApostrophe;
    private int count;

    /** Where in the source text the character being accepted starts and ends (UTF-16 indices). */
    private int charStart;
    private int charEnd;
    /** The source span of the token being built, and of a pending apostrophe. */
    private int tokenStart;
    private int tokenEnd;
    private int apostropheStart;
    private int apostropheEnd;

    TokenScan(Tokenizer.SpanSink sink, boolean lowercase, boolean splitPunctuation) {
        this.sink = sink;
        this.lowercase = lowercase;
        this.splitPunctuation = splitPunctuation;
    }

    /** Accepts the character at source indices [start, end), an entity or a surrogate pair spanning several. */
    void accept(int cp, int start, int end) {
        charStart = start;
        charEnd = end;
        accept(cp);
    }

    private void accept(int cp) {
        if (cp == '\u2019') {
            cp = '\'';
        }
        if (isBoundary(cp)) {
            boundary();
        } else if (isWordChar(cp)) {
            word(cp);
        } else {
            punctuation(cp);
        }
    }

    void boundary() {
        resolvePendingApostrophe();
        flush();
    }

    int finish() {
        boundary();
        return count;
    }

    private void word(int cp) {
        if (pendingApostrophe) {
            pendingApostrophe = false;
            append('\'', apostropheStart, apostropheEnd);
        } else if (kind == PUNCT) {
            flush();
        }
        kind = WORD;
        append(lowercase ? lower(cp) : cp, charStart, charEnd);
    }

    private void punctuation(int cp) {
        if (cp == '\'' && kind == WORD && !pendingApostrophe) {
            pendingApostrophe = true;
            apostropheStart = charStart;
            apostropheEnd = charEnd;
            return;
        }
        resolvePendingApostrophe();
        if (!splitPunctuation) {
            kind = WORD;
            append(cp, charStart, charEnd);
        } else if (kind == PUNCT && cp == punct) {
            append(cp, charStart, charEnd);
        } else {
            flush();
            kind = PUNCT;
            punct = cp;
            append(cp, charStart, charEnd);
        }
    }

    /** The apostrophe was not followed by a word character, so it is punctuation after all. */
    private void resolvePendingApostrophe() {
        if (!pendingApostrophe) {
            return;
        }
        pendingApostrophe = false;
        if (splitPunctuation) {
            flush();
            kind = PUNCT;
            punct = '\'';
        }
        append('\'', apostropheStart, apostropheEnd);
    }

    private void flush() {
        if (length > 0) {
            sink.token(buf, 0, length, tokenStart, tokenEnd);
            count++;
            length = 0;
        }
        kind = NONE;
    }

    private void append(int cp, int start, int end) {
        if (length == 0) {
            tokenStart = start;
        }
        tokenEnd = end;
        if (length + 2 > buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            buf[length++] = (char) cp;
        } else {
            length += Character.toChars(cp, buf, length);
        }
    }

    private static int lower(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' ? cp | 0x20 : cp;
        }
        return Character.toLowerCase(cp);
    }

    private static boolean isBoundary(int cp) {
        if (cp < 0x80) {
            return cp <= ' ' || cp == 0x7F;
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
