package dev.seqserve.serving.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * One version's graph as a {@link TaskKernel} calls it: a values tensor and the sequence lengths in,
 * the output's floats out. Owns what every task does alike: tensor creation, {@code sequence_lens},
 * reading the output while the result is open, the shape check and the error.
 */
final class GraphCall {

    private final OrtEnvironment env;
    private final ModelSession session;
    private final Signature signature;
    private final ModelRef ref;

    GraphCall(OrtEnvironment env, ModelSession session, Signature signature, ModelRef ref) {
        this.env = env;
        this.session = session;
        this.signature = signature;
        this.ref = ref;
    }

    /** An int64 tensor; the caller closes it. */
    OnnxTensor longs(long[] values, long... shape) {
        try {
            return OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
        } catch (OrtException e) {
            throw failed(e);
        }
    }

    /** A float tensor; the caller closes it. */
    OnnxTensor floats(float[] values, long... shape) {
        try {
            return OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
        } catch (OrtException e) {
            throw failed(e);
        }
    }

    /**
     * Runs the graph on one batch.
     *
     * @param values the values input, batch first
     * @param lengths each row's sequence length, at least 1
     * @param perRow how many output values each row must produce
     * @return {@code lengths.length × perRow} values, row after row
     * @throws InferenceException when ONNX Runtime fails or the output has the wrong size
     */
    float[] run(OnnxTensor values, int[] lengths, int perRow) {
        int n = lengths.length;
        try (OnnxTensor lengthTensor = OnnxTensor.createTensor(env, IntBuffer.wrap(lengths), new long[] {n})) {
            float[] out = session.run(n, Map.of(signature.values(), values, signature.lengths(), lengthTensor), result -> {
                OnnxTensor output = (OnnxTensor) result.get(signature.output())
                        .orElseThrow(() -> new OrtException("no output " + signature.output()));
                FloatBuffer buffer = output.getFloatBuffer();
                float[] read = new float[buffer.remaining()];
                buffer.get(read);
                return read;
            });
            if (out.length != n * perRow) {
                throw new InferenceException("model " + ref.name() + " version " + ref.version() + " returned "
                        + out.length + " values for " + n + " inputs of " + perRow + " each", null);
            }
            return out;
        } catch (OrtException e) {
            throw failed(e);
        }
    }

    private InferenceException failed(OrtException e) {
        return new InferenceException("model " + ref.name() + " version " + ref.version() + " failed to run: "
                + e.getMessage(), e);
    }
}
