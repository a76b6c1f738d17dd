package dev.seqserve.serving.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sentiment graph as a batch function: token id sequences in, probabilities of the positive class
 * out. Sequences are padded to the batch's longest with {@code sequence_lens} set, so padding never
 * changes a result; an empty sequence runs as one padding token.
 */
final class SentimentRunner {

    private final OrtEnvironment env;
    private final ModelSession session;
    private final Signature signature;
    private final int padId;
    private final String model;
    private final ModelMetrics metrics;

    SentimentRunner(OrtEnvironment env, ModelSession session, Signature signature, int padId, String model,
            ModelMetrics metrics) {
        this.env = env;
        this.session = session;
        this.signature = signature;
        this.padId = padId;
        this.model = model;
        this.metrics = metrics;
    }

    /** Scores a batch; the i-th probability belongs to the i-th sequence. */
    List<Float> run(List<int[]> batch) {
        int n = batch.size();
        int time = 1;
        for (int[] ids : batch) {
            time = Math.max(time, ids.length);
        }
        long[] ids = new long[n * time];
        java.util.Arrays.fill(ids, padId);
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            int[] row = batch.get(i);
            for (int t = 0; t < row.length; t++) {
                ids[i * time + t] = row[t];
            }
            lengths[i] = Math.max(1, row.length);
        }
        long start = System.nanoTime();
        boolean success = false;
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {n, time});
                OnnxTensor lengthTensor = OnnxTensor.createTensor(env, IntBuffer.wrap(lengths), new long[] {n})) {
            float[] probabilities = session.run(
                    Map.of(signature.values(), idTensor, signature.lengths(), lengthTensor), this::probabilities);
            if (probabilities.length != n) {
                throw new InferenceException("model " + model + " returned " + probabilities.length
                        + " probabilities for " + n + " texts", null);
            }
            List<Float> result = new ArrayList<>(n);
            for (float p : probabilities) {
                result.add(p);
            }
            success = true;
            return result;
        } catch (OrtException e) {
            throw new InferenceException("model " + model + " failed to run: " + e.getMessage(), e);
        } finally {
            metrics.inference(model, n, success, System.nanoTime() - start);
        }
    }

    private float[] probabilities(ai.onnxruntime.OrtSession.Result result) throws OrtException {
        OnnxTensor output = (OnnxTensor) result.get(signature.output())
                .orElseThrow(() -> new OrtException("no output " + signature.output()));
        FloatBuffer buffer = output.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
