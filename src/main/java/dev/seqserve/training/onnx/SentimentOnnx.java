package dev.seqserve.training.onnx;

import static dev.seqserve.training.onnx.OnnxSignatures.ATTRIBUTIONS;
import static dev.seqserve.training.onnx.OnnxSignatures.BATCH;
import static dev.seqserve.training.onnx.OnnxSignatures.EXPLAIN;
import static dev.seqserve.training.onnx.OnnxSignatures.PROBABILITY;
import static dev.seqserve.training.onnx.OnnxSignatures.SEQUENCE_LENS;
import static dev.seqserve.training.onnx.OnnxSignatures.TIME;
import static dev.seqserve.training.onnx.OnnxSignatures.TOKEN_IDS;

import dev.seqserve.training.onnx.proto.Onnx.GraphProto;
import dev.seqserve.training.onnx.proto.Onnx.TensorProto.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the sentiment graph: Gather, Transpose, LSTM|GRU (forward or bidirectional), masked mean and max
 * pooling of each direction, dense, Sigmoid; and beside the probability each token's contribution to the logit
 * ({@link TokenContributions}).
 */
final class SentimentOnnx {

    private SentimentOnnx() {}

    static GraphProto graph(SentimentGraph s) {
        GraphBuilder g = new GraphBuilder("sentiment");
        String ids = g.input(TOKEN_IDS, DataType.INT64, BATCH, TIME);
        String lens = g.input(SEQUENCE_LENS, DataType.INT32, BATCH);
        String explain = g.input(EXPLAIN, DataType.BOOL);

        String table = g.initializer("embedding", new long[] {s.vocabularySize(), s.embeddingDim()}, s.embedding());
        String embedded = g.node("Gather", "embedded", List.of(table, ids));
        String timeMajor = Layers.swapBatchAndTime(g, embedded, "time_major");
        RecurrentWeights rnn = s.recurrent();
        String prefix = rnn.op().toLowerCase(Locale.ROOT);
        Layers.recurrent(g, prefix, rnn, s.backward(), timeMajor, lens, prefix + "/Y", "");
        String pooled;
        List<String> states = new ArrayList<>();
        if (s.backward() == null) {
            states.add(Layers.squeeze(g, prefix + "/Y", 1, prefix + "/states"));
            pooled = MaskedPooling.meanAndMax(g, states.get(0), lens, "pooled");
        } else {
            // Y is [time, 2, batch, H]: pool each direction over its real steps, forward first.
            List<String> directions = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                String index = g.initializer(prefix + "/direction_" + d, new long[] {}, (long) d);
                states.add(g.node("Gather", prefix + "/states_" + d, List.of(prefix + "/Y", index),
                        GraphBuilder.intAttr("axis", 1)));
                directions.add(MaskedPooling.meanAndMax(g, "pool_" + d, states.get(d), lens, "pooled_" + d));
            }
            pooled = g.node("Concat", "pooled", directions, GraphBuilder.intAttr("axis", 1));
        }
        String logit = Layers.dense(g, "dense", s.dense(), pooled, "logit");
        String probability = g.node("Sigmoid", "probability_column", List.of(logit));
        Layers.squeeze(g, probability, 1, PROBABILITY);
        // The contributions are work a plain run does not need, so they are computed only when asked for; else zeros.
        GraphBuilder explained = g.branch("explained");
        explained.output(TokenContributions.add(explained, states, lens, s.dense(), "contributions"), DataType.FLOAT,
                BATCH, TIME);
        GraphBuilder plain = g.branch("plain");
        String shape = plain.node("Shape", "plain/shape", List.of(ids));
        plain.output(plain.node("ConstantOfShape", "plain/zeros", List.of(shape), GraphBuilder.floatTensorAttr("value", 0f)),
                DataType.FLOAT, BATCH, TIME);
        g.node("If", ATTRIBUTIONS, List.of(explain), GraphBuilder.graphAttr("then_branch", explained.build()),
                GraphBuilder.graphAttr("else_branch", plain.build()));
        g.output(PROBABILITY, DataType.FLOAT, BATCH);
        g.output(ATTRIBUTIONS, DataType.FLOAT, BATCH, TIME);
        return g.build();
    }
}
