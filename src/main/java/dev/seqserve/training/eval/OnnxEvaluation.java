package dev.seqserve.training.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.training.onnx.OnnxSignatures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Scores an exported model file with ONNX Runtime, so that the metrics in a manifest are those of the
 * file that ships, not of the trainer's copy of the weights.
 */
public final class OnnxEvaluation implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    public OnnxEvaluation(Path modelFile) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            this.session = env.createSession(modelFile.toString(), options);
        }
    }

    /** Probabilities of the positive class for a ragged batch of token ids (each at least one long). */
    public float[] sentiment(int[][] tokens) throws OrtException {
        return run(tokens, false, result -> flatten(result.get(0).getValue(), tokens.length));
    }

    /** One sequence's probability and each token's contribution to its logit ({@link OnnxSignatures#ATTRIBUTIONS}). */
    public Attributed attributions(int[] tokens) throws OrtException {
        return run(new int[][] {tokens}, true, result -> new Attributed(flatten(result.get(0).getValue(), 1)[0],
                ((float[][]) result.get(OnnxSignatures.ATTRIBUTIONS).orElseThrow().getValue())[0]));
    }

    /**
     * @param probability the positive class's
     * @param attributions one per token, in order; they add up to the logit minus the output layer's bias
     */
    public record Attributed(float probability, float[] attributions) {}

    private interface Reader<T> {
        T read(OrtSession.Result result) throws OrtException;
    }

    private <T> T run(int[][] tokens, boolean explain, Reader<T> reader) throws OrtException {
        int time = 0;
        for (int[] row : tokens) {
            time = Math.max(time, row.length);
        }
        long[][] ids = new long[tokens.length][time];
        int[] lengths = new int[tokens.length];
        for (int b = 0; b < tokens.length; b++) {
            lengths[b] = tokens[b].length;
            for (int t = 0; t < tokens[b].length; t++) {
                ids[b][t] = tokens[b][t];
            }
        }
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, ids);
                OnnxTensor lengthTensor = OnnxTensor.createTensor(env, lengths);
                OnnxTensor explainTensor = OnnxTensor.createTensor(env, explain)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(Map.of(OnnxSignatures.TOKEN_IDS, idTensor,
                    OnnxSignatures.SEQUENCE_LENS, lengthTensor));
            // A file exported before the explain input existed is still scored (train reexport compares with it).
            if (session.getInputNames().contains(OnnxSignatures.EXPLAIN)) {
                inputs.put(OnnxSignatures.EXPLAIN, explainTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return reader.read(result);
            }
        }
    }

    /** Model outputs for a batch of equal-length windows {@code [batch][time][features]}. */
    public float[][] forecast(float[][][] windows) throws OrtException {
        int[] lengths = new int[windows.length];
        java.util.Arrays.fill(lengths, windows[0].length);
        try (OnnxTensor series = OnnxTensor.createTensor(env, windows);
                OnnxTensor lengthTensor = OnnxTensor.createTensor(env, lengths);
                OrtSession.Result result = session.run(
                        Map.of(OnnxSignatures.SERIES, series, OnnxSignatures.SEQUENCE_LENS, lengthTensor))) {
            return (float[][]) result.get(0).getValue();
        }
    }

    private static float[] flatten(Object value, int rows) {
        if (value instanceof float[] flat) {
            return flat;
        }
        float[][] matrix = (float[][]) value;
        float[] out = new float[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = matrix[i][0];
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
