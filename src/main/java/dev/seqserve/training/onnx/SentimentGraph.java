package dev.seqserve.training.onnx;

import java.util.Objects;

/**
 * The weights of a sentiment classifier: embedding, one recurrent layer, masked mean and max pooling
 * over the real steps (concatenated as {@code [mean, max]}), and a dense layer to one logit.
 *
 * @param vocabularySize {@code V}, the number of token ids
 * @param embeddingDim {@code E}, the width of each embedding row
 * @param embedding row-major {@code [V, E]}; read, not copied
 * @param recurrent the recurrent layer, with {@code inputSize == E}
 * @param backward the layer that reads each sequence from its end (exported with {@code recurrent} as one
 *     {@code direction=bidirectional} operator), or null for a forward-only graph
 * @param dense the output layer, {@code 2H·D -> 1}; its inputs are the mean-pooled then the max-pooled states of
 *     the forward direction, then the same of the backward one
 */
public record SentimentGraph(int vocabularySize, int embeddingDim, float[] embedding, RecurrentWeights recurrent,
        RecurrentWeights backward, DenseWeights dense) {

    public SentimentGraph {
        Shapes.require(vocabularySize >= 1 && embeddingDim >= 1, "vocabularySize and embeddingDim must be positive");
        Shapes.requireLength("embedding", embedding, vocabularySize * embeddingDim);
        Objects.requireNonNull(recurrent, "recurrent");
        Objects.requireNonNull(dense, "dense");
        Shapes.require(recurrent.inputSize() == embeddingDim,
                "recurrent input size " + recurrent.inputSize() + " is not the embedding width " + embeddingDim);
        if (backward != null) {
            Shapes.require(backward.op().equals(recurrent.op()) && backward.inputSize() == recurrent.inputSize()
                    && backward.hidden() == recurrent.hidden(), "the backward layer must have the forward layer's shape");
        }
        int pooled = 2 * recurrent.hidden() * (backward == null ? 1 : 2);
        Shapes.require(dense.inputs() == pooled && dense.outputs() == 1,
                "dense must map 2H·D = " + pooled + " inputs to 1 output");
    }

    /** A forward-only graph. */
    public SentimentGraph(int vocabularySize, int embeddingDim, float[] embedding, RecurrentWeights recurrent,
            DenseWeights dense) {
        this(vocabularySize, embeddingDim, embedding, recurrent, null, dense);
    }

    /** 1, or 2 with a backward layer. */
    public int directions() {
        return backward == null ? 1 : 2;
    }
}
