package dev.seqserve.preprocess;

/**
 * Model inputs and targets cut from a training series by {@link SeriesCodec#pairs(double[])}.
 *
 * @param inputs one {@code [window × features]} input per pair
 * @param targets one {@code [maxHorizon]} target per pair, in the model's output space
 */
public record TrainingPairs(float[][] inputs, float[][] targets) {

    /** Number of pairs. */
    public int size() {
        return inputs.length;
    }
}
