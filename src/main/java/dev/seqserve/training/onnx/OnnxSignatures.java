package dev.seqserve.training.onnx;

import dev.seqserve.artifact.Manifest.OnnxModel;
import dev.seqserve.artifact.Manifest.TensorSpec;
import java.util.List;

/** The input and output names, types and shapes of the exported graphs, as the manifest records them. */
public final class OnnxSignatures {

    /** The ONNX opset of the default domain that every exported graph imports. */
    public static final int OPSET = 17;
    /** The ONNX IR version of every exported model. */
    public static final int IR_VERSION = 8;

    /** Sentiment input: int64 token ids {@code [batch, time]}. */
    public static final String TOKEN_IDS = "token_ids";
    /** Input of both graphs: int32 lengths {@code [batch]}, each between 1 and {@code time}. */
    public static final String SEQUENCE_LENS = "sequence_lens";
    /** Sentiment output: float probability of the positive class {@code [batch]}. */
    public static final String PROBABILITY = "probability";
    /** Sentiment input: a bool scalar, whether to compute {@link #ATTRIBUTIONS} (else they are zeros). */
    public static final String EXPLAIN = "explain";
    /**
     * Sentiment output: float {@code [batch, time]}, each token's contribution to the logit of {@link #PROBABILITY}
     * (they add up to it minus the output layer's bias) when {@link #EXPLAIN} is true; 0 at padded steps.
     */
    public static final String ATTRIBUTIONS = "attributions";
    /** Forecast input: float values {@code [batch, time, features]}. */
    public static final String SERIES = "series";
    /** Forecast output: float values {@code [batch, outputs]}. */
    public static final String FORECAST = "forecast";
    /** The symbolic batch dimension. */
    public static final String BATCH = "batch";
    /** The symbolic time dimension. */
    public static final String TIME = "time";

    private OnnxSignatures() {}

    /** The sentiment graph's signature for a manifest. */
    public static OnnxModel sentiment(String file, String sha256) {
        return new OnnxModel(file, sha256, OPSET,
                List.of(spec(TOKEN_IDS, "int64", BATCH, TIME), spec(SEQUENCE_LENS, "int32", BATCH), spec(EXPLAIN, "bool")),
                List.of(spec(PROBABILITY, "float", BATCH), spec(ATTRIBUTIONS, "float", BATCH, TIME)));
    }

    /** The forecast graph's signature for a manifest. */
    public static OnnxModel forecast(String file, String sha256, int features, int outputs) {
        return new OnnxModel(file, sha256, OPSET,
                List.of(spec(SERIES, "float", BATCH, TIME, String.valueOf(features)), spec(SEQUENCE_LENS, "int32", BATCH)),
                List.of(spec(FORECAST, "float", BATCH, String.valueOf(outputs))));
    }

    private static TensorSpec spec(String name, String type, String... shape) {
        return new TensorSpec(name, type, List.of(shape));
    }
}
