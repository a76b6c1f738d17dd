package dev.seqserve.training.onnx;

import static dev.seqserve.training.onnx.OnnxSignatures.BATCH;
import static dev.seqserve.training.onnx.OnnxSignatures.FORECAST;
import static dev.seqserve.training.onnx.OnnxSignatures.SEQUENCE_LENS;
import static dev.seqserve.training.onnx.OnnxSignatures.SERIES;
import static dev.seqserve.training.onnx.OnnxSignatures.TIME;

import dev.seqserve.training.onnx.proto.Onnx.GraphProto;
import dev.seqserve.training.onnx.proto.Onnx.TensorProto.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the forecast graph: Transpose, stacked LSTM|GRU layers, the top layer's last state, dense; for an
 * ensemble, one such branch per member over the same input and ONNX's {@code Mean} of their outputs.
 */
final class ForecastOnnx {

    private ForecastOnnx() {}

    static GraphProto graph(List<ForecastGraph> members) {
        ForecastGraph first = members.get(0);
        for (ForecastGraph m : members) {
            Shapes.require(m.features() == first.features() && m.outputs() == first.outputs(),
                    "every member of an ensemble reads and writes the same shapes");
        }
        GraphBuilder g = new GraphBuilder("forecast");
        String series = g.input(SERIES, DataType.FLOAT, BATCH, TIME, first.features());
        String lens = g.input(SEQUENCE_LENS, DataType.INT32, BATCH);
        String x = Layers.swapBatchAndTime(g, series, "time_major");
        if (members.size() == 1) {
            branch(g, "", first, x, lens, FORECAST);
        } else {
            List<String> outputs = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                outputs.add(branch(g, "member" + i + "/", members.get(i), x, lens, "member" + i + "/forecast"));
            }
            g.node("Mean", FORECAST, outputs);
        }
        g.output(FORECAST, DataType.FLOAT, BATCH, first.outputs());
        return g.build();
    }

    private static String branch(GraphBuilder g, String scope, ForecastGraph f, String x, String lens, String output) {
        List<RecurrentWeights> layers = f.layers();
        String lastState = null;
        for (int k = 0; k < layers.size(); k++) {
            String prefix = scope + "layer" + k;
            if (k < layers.size() - 1) {
                Layers.recurrent(g, prefix, layers.get(k), x, lens, prefix + "/Y", "");
                x = Layers.squeeze(g, prefix + "/Y", 1, prefix + "/states");
            } else {
                Layers.recurrent(g, prefix, layers.get(k), x, lens, "", prefix + "/Y_h");
                lastState = Layers.squeeze(g, prefix + "/Y_h", 0, prefix + "/last_state");
            }
        }
        Layers.dense(g, scope + "dense", f.dense(), lastState, output);
        return output;
    }
}
