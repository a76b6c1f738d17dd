package dev.seqserve.training.forecast;

import ai.onnxruntime.OrtException;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.eval.OnnxEvaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forecasts made by an exported {@code model.onnx} through ONNX Runtime, every window in one session
 * call, decoded by the codec the network was trained with: the figures a manifest reports are those of
 * a file, not of the trainer's copy of the weights.
 */
final class OnnxForecasts {

    private OnnxForecasts() {}

    /**
     * @param modelFile the exported network
     * @param result the training run that exported it (its codec and timeline)
     * @param values the series
     * @param origins forecast origins, each one past the last value read
     * @param end one past the last value a forecast may reach: each is cut there
     * @return per origin, in the given order, its forecast of up to {@code maxHorizon} steps
     */
    static Map<Integer, double[]> of(Path modelFile, ForecastTraining.Result result, double[] values, int[] origins,
            int end) {
        SeriesCodec codec = result.codec();
        float[][][] windows = new float[origins.length][][];
        for (int i = 0; i < origins.length; i++) {
            float[] flat = new float[codec.window() * codec.features()];
            codec.encode(values, origins[i], lastDate(result, origins[i]), flat, 0);
            windows[i] = ForecastTraining.toSteps(flat, codec.window(), codec.features());
        }
        float[][] outputs;
        try (OnnxEvaluation ort = new OnnxEvaluation(modelFile)) {
            outputs = ort.forecast(windows);
        } catch (OrtException e) {
            throw new UncheckedIOException(new IOException("ONNX Runtime could not run " + modelFile, e));
        }
        Map<Integer, double[]> byOrigin = new LinkedHashMap<>();
        for (int i = 0; i < origins.length; i++) {
            int steps = Math.min(codec.maxHorizon(), end - origins[i]);
            byOrigin.put(origins[i], codec.decode(values, origins[i], lastDate(result, origins[i]), outputs[i], steps));
        }
        return byOrigin;
    }

    private static LocalDate lastDate(ForecastTraining.Result result, int origin) {
        return result.timeline() == null ? null : result.timeline().date(origin - 1);
    }
}
