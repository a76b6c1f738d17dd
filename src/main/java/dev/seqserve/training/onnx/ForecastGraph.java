package dev.seqserve.training.onnx;

import java.util.List;
import java.util.Objects;

/**
 * The weights of a forecaster: stacked recurrent layers over a window of series values and a dense
 * layer from the top layer's last real hidden state to the forecast.
 *
 * @param features the width of each input step
 * @param layers the recurrent layers, bottom first; layer {@code k > 0} reads layer {@code k - 1}'s states
 * @param dense the output layer, {@code H_top -> outputs}
 */
public record ForecastGraph(int features, List<RecurrentWeights> layers, DenseWeights dense) {

    public ForecastGraph {
        Shapes.require(features >= 1, "features must be positive");
        layers = List.copyOf(layers);
        Shapes.require(!layers.isEmpty(), "at least one recurrent layer is needed");
        Objects.requireNonNull(dense, "dense");
        int width = features;
        for (int k = 0; k < layers.size(); k++) {
            Shapes.require(layers.get(k).inputSize() == width,
                    "layer " + k + " reads " + layers.get(k).inputSize() + " values per step, not " + width);
            width = layers.get(k).hidden();
        }
        Shapes.require(dense.inputs() == width, "dense reads " + dense.inputs() + " values, not the top hidden " + width);
    }

    /** The number of values the graph outputs per series. */
    public int outputs() {
        return dense.outputs();
    }
}
