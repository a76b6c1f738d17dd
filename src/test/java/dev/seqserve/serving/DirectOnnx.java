package dev.seqserve.serving;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.artifact.ArtifactFolder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Scores token ids with a plain ONNX Runtime session, independently of the service's model layer. */
public final class DirectOnnx {

    private DirectOnnx() {}

    /** The probability the model at {@code folder} gives one sequence of token ids. */
    public static float sentiment(Path folder, int[] ids) throws OrtException {
        return run(folder, ids, false)[0];
    }

    /** Each token's weight the model at {@code folder} gives one sequence of token ids, its graph's attributions. */
    public static float[] attributions(Path folder, int[] ids) throws OrtException {
        return run(folder, ids, true);
    }

    /** The probability, or with {@code explain} the attributions, of one sequence alone. */
    private static float[] run(Path folder, int[] ids, boolean explain) throws OrtException {
        ArtifactFolder artifact = ArtifactFolder.open(folder);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] longs = new long[Math.max(1, ids.length)];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(artifact.modelFile().toString(), options);
                OnnxTensor x = OnnxTensor.createTensor(env, LongBuffer.wrap(longs), new long[] {1, longs.length});
                OnnxTensor lengths = OnnxTensor.createTensor(env, IntBuffer.wrap(new int[] {longs.length}), new long[] {1});
                OnnxTensor flag = OnnxTensor.createTensor(env, explain);
                OrtSession.Result result = session.run(Map.of("token_ids", x, "sequence_lens", lengths, "explain", flag))) {
            FloatBuffer out = ((OnnxTensor) result.get(explain ? 1 : 0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }
}
