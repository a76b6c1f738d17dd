package dev.seqserve.preprocess;

/** Recognises HTML tags and character entities inside review text, without regular expressions. */
final class Html {

    /** Tags longer than this are taken for text: a stray {@code <} must not swallow a paragraph. */
    private static final int MAX_TAG_LENGTH = 512;
    private static final int MAX_ENTITY_LENGTH = 10;

    private Html() {}

    /**
     * @return the index just after the tag that starts at {@code start}, or -1 when the {@code <}
     *     there does not open a tag
     */
    static int tagEnd(CharSequence text, int start) {
        int n = text.length();
        if (start + 1 >= n || !opensTag(text.charAt(start + 1))) {
            return -1;
        }
        int limit = Math.min(n, start + MAX_TAG_LENGTH);
        for (int i = start + 2; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c == '<' || c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean opensTag(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
    }

    /**
     * Decodes the entity that starts with the {@code &} at {@code start}.
     *
     * @return 0 when there is no known entity there, else the characters consumed in the upper 32
     *     bits and the decoded code point in the lower 32 (packed so the hot path allocates nothing)
     */
    static long entity(CharSequence text, int start) {
        int n = text.length();
        int semi = -1;
        for (int i = start + 1; i < n && i <= start + MAX_ENTITY_LENGTH; i++) {
            if (text.charAt(i) == ';') {
                semi = i;
                break;
            }
        }
        if (semi < start + 2) {
            return 0;
        }
        int cp = text.charAt(start + 1) == '#' ? numeric(text, start + 2, semi) : named(text, start + 1, semi);
        return cp <= 0 ? 0 : ((long) (semi + 1 - start) << 32) | cp;
    }

    private static int named(CharSequence text, int from, int to) {
        return switch (to - from) {
            case 2 -> is(text, from, "lt") ? '<' : is(text, from, "gt") ? '>' : -1;
            case 3 -> is(text, from, "amp") ? '&' : -1;
            case 4 -> is(text, from, "quot") ? '"' : is(text, from, "apos") ? '\'' : is(text, from, "nbsp") ? 0xA0 : -1;
            default -> -1;
        };
    }

    private static boolean is(CharSequence text, int from, String name) {
        for (int k = 0; k < name.length(); k++) {
            if (text.charAt(from + k) != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int numeric(CharSequence text, int from, int to) {
        int radix = 10;
        if (from < to && (text.charAt(from) == 'x' || text.charAt(from) == 'X')) {
            radix = 16;
            from++;
        }
        if (from >= to) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), radix);
            if (digit < 0 || value > 0x10FFFF) {
                return -1;
            }
            value = value * radix + digit;
        }
        boolean valid = value > 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
        return valid ? value : -1;
    }
}
