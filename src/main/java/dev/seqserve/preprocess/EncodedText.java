package dev.seqserve.preprocess;

import java.util.Arrays;

/**
 * A text as token ids, ready for the model.
 *
 * @param ids the token ids fed to the model, at most the encoder's maximum length; empty when the
 *     text has no tokens
 * @param tokenCount the number of tokens before truncation
 * @param truncated whether tokens were dropped to fit the maximum length
 */
public record EncodedText(int[] ids, int tokenCount, boolean truncated) {

    /**
     * The ids a recurrent model reads: {@link #ids()}, or one out-of-vocabulary token when the text has
     * none, because the model needs at least one step. Training and serving both feed this.
     *
     * @return at least one token id
     */
    public int[] modelIds() {
        return ids.length > 0 ? ids : new int[] {Vocabulary.OOV_ID};
    }

    /** Compares the ids by content, unlike a record's default for arrays. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedText that
                && tokenCount == that.tokenCount
                && truncated == that.truncated
                && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(ids) + tokenCount) + Boolean.hashCode(truncated);
    }

    @Override
    public String toString() {
        return "EncodedText[ids=" + Arrays.toString(ids) + ", tokenCount=" + tokenCount + ", truncated=" + truncated + "]";
    }
}
