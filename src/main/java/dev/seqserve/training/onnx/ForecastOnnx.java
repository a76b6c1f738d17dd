package dev.seqserve.training.onnx;

import static dev.seqserve.training.onnx.OnnxSignatures.BATCH;
import static dev.seqserve.training.onnx.OnnxSignatures.FORECAST;
import static dev.seqserve.training.onnx.OnnxSignatures.SEQUENCE_LENS;
import static dev.seqserve.training.onnx.OnnxSignatures.SERIES;
import static dev.seqserve.training.onnx.OnnxSignatures.TIME;

import dev.seqserve.training.onnx.proto.Onnx.GraphProto;
import dev.seqserve.training.onnx.proto.Onnx.TensorProto.DataType;
import java.util.List;

/** Builds the forecast graph: Transpose, stacked LSTM|GRU layers, the top layer's last state, dense. */
final class ForecastOnnx {

    private ForecastOnnx() {}

    static GraphProto graph(ForecastGraph f) {
        GraphBuilder g = new GraphBuilder("forecast");
        String series = g.input(SERIES, DataType.FLOAT, BATCH, TIME, f.features());
        String lens = g.input(SEQUENCE_LENS, DataType.INT32, BATCH);

        String x = Layers.swapBatchAndTime(g, series, "time_major");
        List<RecurrentWeights> layers = f.layers();
        String lastState = null;
        for (int k = 0; k < layers.size(); k++) {
            String prefix = "layer" + k;
            if (k < layers.size() - 1) {
                Layers.recurrent(g, prefix, layers.get(k), x, lens, prefix + "/Y", "");
                x = Layers.squeeze(g, prefix + "/Y", 1, prefix + "/states");
            } else {
                Layers.recurrent(g, prefix, layers.get(k), x, lens, "", prefix + "/Y_h");
                lastState = Layers.squeeze(g, prefix + "/Y_h", 0, prefix + "/last_state");
            }
        }
        Layers.dense(g, "dense", f.dense(), lastState, FORECAST);
        g.output(FORECAST, DataType.FLOAT, BATCH, f.outputs());
        return g.build();
    }
}
