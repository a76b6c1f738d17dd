package dev.seqserve.preprocess;

/**
 * Leave-one-out occlusion, the explanation method of sentiment answers: a token's weight is how much the
 * model's score falls when that token alone is left out, {@code score(text) − score(text without token i)}, so
 * a positive weight pushes the answer towards {@code positive}. All variants of a text have the same length,
 * so they run as one batch without padding.
 */
public final class Occlusion {

    private Occlusion() {}

    /**
     * The model inputs with each position left out in turn: variant {@code i} is {@code ids} without
     * {@code ids[i]}. A one-token text's only variant is the empty text, which the model reads as
     * {@link EncodedText#modelIds()} says (one out-of-vocabulary token).
     *
     * @param ids the model's input for the whole text, at least one id
     * @return {@code ids.length} variants
     */
    public static int[][] variants(int[] ids) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("a text the model read has at least one id");
        }
        int[][] variants = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            int[] without = new int[ids.length - 1];
            System.arraycopy(ids, 0, without, 0, i);
            System.arraycopy(ids, i + 1, without, i, ids.length - 1 - i);
            variants[i] = new EncodedText(without, without.length, false).modelIds();
        }
        return variants;
    }

    /**
     * @param full the score of the whole text
     * @param without the score of each variant of {@link #variants}, in order
     * @return each token's weight, {@code full − without[i]}
     */
    public static float[] weights(float full, float[] without) {
        float[] weights = new float[without.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = full - without[i];
        }
        return weights;
    }
}
