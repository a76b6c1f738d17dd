package dev.seqserve.training.nn;

/**
 * Shape and regularisation of a {@link SentimentNet}.
 *
 * @param cell          LSTM or GRU
 * @param vocabSize     rows of the embedding, including row 0 for padding
 * @param embeddingDim  width of a token vector
 * @param hidden        hidden units of the recurrent layer
 * @param dropout       dropout rate on the pooled features during training, in [0, 1)
 * @param seed          fixes the initial weights and the dropout masks
 */
public record SentimentConfig(CellType cell, int vocabSize, int embeddingDim, int hidden, float dropout, long seed) {

    /** Checks the values. */
    public SentimentConfig {
        if (cell == null) {
            throw new IllegalArgumentException("cell is required");
        }
        if (vocabSize < 2 || embeddingDim < 1 || hidden < 1) {
            throw new IllegalArgumentException("vocabSize >= 2, embeddingDim >= 1 and hidden >= 1 required");
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }
}
