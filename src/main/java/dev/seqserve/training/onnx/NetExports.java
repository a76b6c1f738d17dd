package dev.seqserve.training.onnx;

import dev.seqserve.training.nn.ForecastConfig;
import dev.seqserve.training.nn.ForecastNet;
import dev.seqserve.training.nn.ParamSet;
import dev.seqserve.training.nn.SentimentConfig;
import dev.seqserve.training.nn.SentimentNet;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the trainer's networks into the exporter's graph records. The networks already keep their
 * parameters in ONNX layouts and pool as {@code [mean, max]}, so this only copies arrays by name.
 */
public final class NetExports {

    private NetExports() {}

    /** A snapshot of a sentiment network's weights; later training does not change it. */
    public static SentimentGraph sentiment(SentimentNet net) {
        SentimentConfig c = net.config();
        ParamSet p = new ParamSet(net.params());
        RecurrentWeights rnn = recurrent(p, "rnn", c.cell().onnxOperator(), c.embeddingDim(), c.hidden());
        RecurrentWeights back = c.bidirectional()
                ? recurrent(p, "rnn_back", c.cell().onnxOperator(), c.embeddingDim(), c.hidden())
                : null;
        return new SentimentGraph(c.vocabSize(), c.embeddingDim(), copy(p, "embedding"), rnn, back,
                new DenseWeights(c.pooledWidth(), 1, copy(p, "dense.W"), copy(p, "dense.b")));
    }

    /** A snapshot of a forecast network's weights; later training does not change it. */
    public static ForecastGraph forecast(ForecastNet net) {
        ForecastConfig c = net.config();
        ParamSet p = new ParamSet(net.params());
        List<RecurrentWeights> layers = new ArrayList<>();
        for (int k = 0; k < c.layers(); k++) {
            int input = k == 0 ? c.features() : c.hidden();
            layers.add(recurrent(p, "rnn" + k, c.cell().onnxOperator(), input, c.hidden()));
        }
        return new ForecastGraph(c.features(), layers,
                new DenseWeights(c.hidden(), c.outputs(), copy(p, "dense.W"), copy(p, "dense.b")));
    }

    /** Snapshots of an ensemble's members, in order. */
    public static List<ForecastGraph> forecast(List<ForecastNet> members) {
        return members.stream().map(NetExports::forecast).toList();
    }

    private static RecurrentWeights recurrent(ParamSet p, String prefix, String op, int input, int hidden) {
        return new RecurrentWeights(op, input, hidden,
                copy(p, prefix + ".W"), copy(p, prefix + ".R"), copy(p, prefix + ".B"));
    }

    private static float[] copy(ParamSet params, String name) {
        return params.get(name).value().clone();
    }
}
