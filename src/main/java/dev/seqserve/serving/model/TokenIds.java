package dev.seqserve.serving.model;

/**
 * One review as the sentiment queue takes it.
 *
 * @param ids the model's input, at least one id ({@code EncodedText.modelIds()})
 * @param explain whether its answer carries each token's contribution (the graph's {@code attributions})
 */
public record TokenIds(int[] ids, boolean explain) {

    /** A plain review, scored without attributions. */
    public static TokenIds plain(int[] ids) {
        return new TokenIds(ids, false);
    }
}
