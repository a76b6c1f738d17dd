package dev.seqserve.training.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/** Runs exported graphs in ONNX Runtime, closing every tensor and result. */
final class OrtRuns {

    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private OrtRuns() {}

    /** A single-threaded session over the serialised model; the caller closes it. */
    static OrtSession session(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            return ENV.createSession(model, options);
        }
    }

    static float[] sentiment(OrtSession session, long[][] ids, int[] lengths) throws OrtException {
        return (float[]) sentimentRun(session, ids, lengths, false)[0];
    }

    /** Each row's attributions, {@code [batch][time]}, with {@code explain} true. */
    static float[][] attributions(OrtSession session, long[][] ids, int[] lengths) throws OrtException {
        return (float[][]) sentimentRun(session, ids, lengths, true)[1];
    }

    /** Both outputs' values of one run: probabilities, then attributions. */
    static Object[] sentimentRun(OrtSession session, long[][] ids, int[] lengths, boolean explain) throws OrtException {
        try (OnnxTensor x = OnnxTensor.createTensor(ENV, ids);
                OnnxTensor lens = OnnxTensor.createTensor(ENV, lengths);
                OnnxTensor flag = OnnxTensor.createTensor(ENV, explain);
                OrtSession.Result result = session.run(Map.of(
                        OnnxSignatures.TOKEN_IDS, x, OnnxSignatures.SEQUENCE_LENS, lens, OnnxSignatures.EXPLAIN, flag))) {
            return new Object[] {result.get(0).getValue(), result.get(1).getValue()};
        }
    }

    static float[][] forecast(OrtSession session, float[][][] series, int[] lengths) throws OrtException {
        try (OnnxTensor x = OnnxTensor.createTensor(ENV, series);
                OnnxTensor lens = OnnxTensor.createTensor(ENV, lengths);
                OrtSession.Result result = session.run(Map.of(
                        OnnxSignatures.SERIES, x, OnnxSignatures.SEQUENCE_LENS, lens))) {
            return (float[][]) result.get(0).getValue();
        }
    }
}
