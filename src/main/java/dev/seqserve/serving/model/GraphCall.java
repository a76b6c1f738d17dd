package dev.seqserve.serving.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
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
     * Runs the graph on one batch (asking for no attributions when the graph could give them).
     *
     * @param values the values input, batch first
     * @param lengths each row's sequence length, at least 1
     * @param perRow how many output values each row must produce
     * @return {@code lengths.length × perRow} values, row after row
     * @throws InferenceException when ONNX Runtime fails or the output has the wrong size
     */
    float[] run(OnnxTensor values, int[] lengths, int perRow) {
        return run(values, lengths, perRow, 0).output();
    }

    /** Whether {@link #runExplained} can be called: the graph has the explain input and attributions output. */
    boolean explains() {
        return signature.explains();
    }

    /**
     * Runs the graph on one batch of token ids asking for each token's contribution too.
     *
     * @param time the values input's time length, so each row has that many attributions (0 past its length)
     * @return one probability per row, and {@code rows × time} attributions, row after row
     */
    Ran runExplained(OnnxTensor values, int[] lengths, int time) {
        if (!signature.explains()) {
            throw new IllegalStateException("model " + ref.name() + " has no attributions output");
        }
        return run(values, lengths, 1, time);
    }

    /**
     * @param output the first output, row after row
     * @param attributions the attributions, {@code rows × time}, or null when not asked for
     */
    record Ran(float[] output, float[] attributions) {}

    /** @param time 0 for a plain run, else the time length of the explained batch */
    private Ran run(OnnxTensor values, int[] lengths, int perRow, int time) {
        int n = lengths.length;
        boolean explain = time > 0;
        try (OnnxTensor lengthTensor = OnnxTensor.createTensor(env, IntBuffer.wrap(lengths), new long[] {n});
                OnnxTensor explainTensor = signature.explains() ? OnnxTensor.createTensor(env, explain) : null) {
            Map<String, OnnxTensor> inputs = explainTensor == null
                    ? Map.of(signature.values(), values, signature.lengths(), lengthTensor)
                    : Map.of(signature.values(), values, signature.lengths(), lengthTensor, signature.explain(), explainTensor);
            Ran ran = session.run(n, inputs, result -> new Ran(floats(result, signature.output()),
                    explain ? floats(result, signature.attributions()) : null));
            requireSize(ran.output(), n * perRow, n, perRow);
            if (explain) {
                requireSize(ran.attributions(), n * time, n, time);
            }
            return ran;
        } catch (OrtException e) {
            throw failed(e);
        }
    }

    private static float[] floats(OrtSession.Result result, String name) throws OrtException {
        OnnxTensor output = (OnnxTensor) result.get(name).orElseThrow(() -> new OrtException("no output " + name));
        FloatBuffer buffer = output.getFloatBuffer();
        float[] read = new float[buffer.remaining()];
        buffer.get(read);
        return read;
    }

    private void requireSize(float[] values, int expected, int n, int perRow) {
        if (values.length != expected) {
            throw new InferenceException("model " + ref.name() + " version " + ref.version() + " returned "
                    + values.length + " values for " + n + " inputs of " + perRow + " each", null);
        }
    }

    private InferenceException failed(OrtException e) {
        return new InferenceException("model " + ref.name() + " version " + ref.version() + " failed to run: "
                + e.getMessage(), e);
    }
}
