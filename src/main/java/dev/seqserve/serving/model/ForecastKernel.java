package dev.seqserve.serving.model;

import dev.seqserve.preprocess.SeriesCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecasts: encoded windows ({@code window × features} values each) in, the model's
 * {@code maxHorizon} outputs per window out. Every window has the same length, so every input costs 1.
 */
final class ForecastKernel implements TaskKernel<float[], float[]> {

    private final int window;
    private final int features;
    private final int maxHorizon;

    ForecastKernel(SeriesCodec codec) {
        this.window = codec.window();
        this.features = codec.features();
        this.maxHorizon = codec.maxHorizon();
    }

    @Override
    public String valuesType() {
        return "float";
    }

    @Override
    public int cost(float[] input) {
        return 1;
    }

    @Override
    public List<float[]> run(GraphCall call, List<float[]> batch) {
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
        try (var series = call.floats(values, n, window, features)) {
            float[] out = call.run(series, lengths, maxHorizon);
            List<float[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(Arrays.copyOfRange(out, i * maxHorizon, (i + 1) * maxHorizon));
            }
            return rows;
        }
    }

    @Override
    public List<List<float[]>> warmUpBatches() {
        return List.of(List.of(new float[window * features]));
    }
}
