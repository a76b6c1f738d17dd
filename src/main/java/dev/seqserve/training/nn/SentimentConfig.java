package dev.seqserve.training.nn;

/**
 * Shape and regularisation of a {@link SentimentNet}.
 *
 * @param cell          LSTM or GRU
 * @param vocabSize     rows of the embedding, including row 0 for padding
 * @param embeddingDim  width of a token vector
 * @param hidden        hidden units of the recurrent layer, per direction
 * @param bidirectional whether a second layer reads each review backwards (ONNX {@code direction=bidirectional})
 * @param dropout       dropout rate on the pooled features during training, in [0, 1)
 * @param adversarial   the size of the adversarial perturbation of the embedded inputs during training, as a
 *                      fraction of their norm; 0 trains on clean inputs only
 * @param seed          fixes the initial weights and the dropout masks
 */
public record SentimentConfig(CellType cell, int vocabSize, int embeddingDim, int hidden, boolean bidirectional,
        float dropout, float adversarial, long seed) {

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
        if (!(adversarial >= 0f)) {
            throw new IllegalArgumentException("adversarial must be at least 0, got " + adversarial);
        }
    }

    /** A network trained on clean inputs only. */
    public SentimentConfig(CellType cell, int vocabSize, int embeddingDim, int hidden, boolean bidirectional,
            float dropout, long seed) {
        this(cell, vocabSize, embeddingDim, hidden, bidirectional, dropout, 0f, seed);
    }

    /** A forward-only network trained on clean inputs only. */
    public SentimentConfig(CellType cell, int vocabSize, int embeddingDim, int hidden, float dropout, long seed) {
        this(cell, vocabSize, embeddingDim, hidden, false, dropout, 0f, seed);
    }

    /** Recurrent directions: 1 or 2. */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** Width of the pooled features the dense layer reads: mean and max of every direction. */
    public int pooledWidth() {
        return 2 * hidden * directions();
    }
}
