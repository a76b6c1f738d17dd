package dev.seqserve.serving.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A forecast graph as a batch function: encoded windows ({@code [window × features]} each) in, the
 * model's {@code maxHorizon} outputs per window out.
 */
final class ForecastRunner {

    private final OrtEnvironment env;
    private final ModelSession session;
    private final Signature signature;
    private final int window;
    private final int features;
    private final int maxHorizon;
    private final String model;
    private final ModelMetrics metrics;

    ForecastRunner(OrtEnvironment env, ModelSession session, Signature signature, Shape shape, String model,
            ModelMetrics metrics) {
        this.env = env;
        this.session = session;
        this.signature = signature;
        this.window = shape.window();
        this.features = shape.features();
        this.maxHorizon = shape.maxHorizon();
        this.model = model;
        this.metrics = metrics;
    }

    /** Forecasts a batch; the i-th output row belongs to the i-th input. */
    List<float[]> run(List<float[]> batch) {
        int n = batch.size();
        int step = window * features;
        float[] values = new float[n * step];
        for (int i = 0; i < n; i++) {
            float[] input = batch.get(i);
            if (input.length != step) {
                throw new IllegalArgumentException("an encoded window has " + input.length + " values, not " + step);
            }
            System.arraycopy(input, 0, values, i * step, step);
        }
        int[] lengths = new int[n];
        Arrays.fill(lengths, window);
        long start = System.nanoTime();
        boolean success = false;
        try (OnnxTensor series = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), new long[] {n, window, features});
                OnnxTensor lengthTensor = OnnxTensor.createTensor(env, IntBuffer.wrap(lengths), new long[] {n})) {
            float[] out = session.run(Map.of(signature.values(), series, signature.lengths(), lengthTensor), this::output);
            if (out.length != n * maxHorizon) {
                throw new InferenceException("model " + model + " returned " + out.length + " values for " + n
                        + " series of horizon " + maxHorizon, null);
            }
            List<float[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(Arrays.copyOfRange(out, i * maxHorizon, (i + 1) * maxHorizon));
            }
            success = true;
            return rows;
        } catch (OrtException e) {
            throw new InferenceException("model " + model + " failed to run: " + e.getMessage(), e);
        } finally {
            metrics.inference(model, n, success, System.nanoTime() - start);
        }
    }

    private float[] output(OrtSession.Result result) throws OrtException {
        OnnxTensor output = (OnnxTensor) result.get(signature.output())
                .orElseThrow(() -> new OrtException("no output " + signature.output()));
        FloatBuffer buffer = output.getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /**
     * The sizes of a forecast graph's tensors.
     *
     * @param window steps read
     * @param features values per step
     * @param maxHorizon values output per series
     */
    record Shape(int window, int features, int maxHorizon) {}
}
