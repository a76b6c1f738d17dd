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
 * @param dense the output layer, {@code 2H -> 1}; its inputs are the mean-pooled then the max-pooled states
 */
public record SentimentGraph(
        int vocabularySize, int embeddingDim, float[] embedding, RecurrentWeights recurrent, DenseWeights dense) {

    public SentimentGraph {
        Shapes.require(vocabularySize >= 1 && embeddingDim >= 1, "vocabularySize and embeddingDim must be positive");
        Shapes.requireLength("embedding", embedding, vocabularySize * embeddingDim);
        Objects.requireNonNull(recurrent, "recurrent");
        Objects.requireNonNull(dense, "dense");
        Shapes.require(recurrent.inputSize() == embeddingDim,
                "recurrent input size " + recurrent.inputSize() + " is not the embedding width " + embeddingDim);
        Shapes.require(dense.inputs() == 2 * recurrent.hidden() && dense.outputs() == 1,
                "dense must map 2H = " + 2 * recurrent.hidden() + " inputs to 1 output");
    }
}
