package dev.seqserve.training.selection;

import dev.seqserve.training.forecast.SeriesPreset;
import dev.seqserve.training.forecast.ForecastTraining;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.training.nn.CellType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The grid {@code forecast-select} searches: every combination of the listed values, everything else
 * (layers, batch size, clipping, scaler, horizon, seed) from the series' preset. Epoch counts cost
 * nothing extra: each combination trains once for the most epochs and is scored after each listed count.
 */
record SelectionGrid(
        List<String> archs,
        List<List<String>> transformSets,
        List<Integer> windows,
        List<String> targets,
        List<Integer> hidden,
        List<Double> learningRates,
        List<Double> weightDecays,
        List<Integer> epochs) {

    /**
     * The default search for the monthly airline series: 48 short trainings. It is the region where the
     * earlier, wider search (576 runs over three transform sets, windows 12–36 and both targets, ranked on
     * origins 1953–1957) put 48 of its 50 best configurations: {@code log, difference:12}, target
     * {@code change}, windows 12 and 18. The wider lists can still be given on the command line.
     */
    static final SelectionGrid AIRLINE = new SelectionGrid(
            List.of("gru", "lstm"),
            List.of(List.of("log", "difference:12")),
            List.of(12, 18),
            List.of("change"),
            List.of(4, 8, 16),
            List.of(0.003, 0.01),
            List.of(0.0, 0.1),
            List.of(25, 50, 100, 150));

    SelectionGrid {
        archs = List.copyOf(archs);
        transformSets = transformSets.stream().map(List::copyOf).toList();
        windows = List.copyOf(windows);
        targets = List.copyOf(targets);
        hidden = List.copyOf(hidden);
        learningRates = List.copyOf(learningRates);
        weightDecays = List.copyOf(weightDecays);
        epochs = epochs.stream().sorted().distinct().toList();
        if (archs.isEmpty() || transformSets.isEmpty() || windows.isEmpty() || targets.isEmpty() || hidden.isEmpty()
                || learningRates.isEmpty() || weightDecays.isEmpty() || epochs.isEmpty()) {
            throw new IllegalArgumentException("every list of the grid needs at least one value");
        }
    }

    /**
     * One training run per combination of everything but the epoch count, each set to the most epochs.
     *
     * @param preset layers, batch size, patience and horizon come from here
     * @param frequency the series' frequency, recorded in the codec
     * @param seed every run's seed, so a search repeats exactly
     */
    List<ForecastTraining.Settings> runs(SeriesPreset preset, String frequency, long seed) {
        int maxEpochs = epochs.get(epochs.size() - 1);
        List<ForecastTraining.Settings> runs = new ArrayList<>();
        for (List<String> transforms : transformSets) {
            for (int window : windows) {
                for (String target : targets) {
                    SeriesCodec.Spec spec = new SeriesCodec.Spec(frequency, window, preset.maxHorizon, transforms,
                            "standard", target);
                    for (String arch : archs) {
                        for (int h : hidden) {
                            for (double lr : learningRates) {
                                for (double wd : weightDecays) {
                                    CellType cell = CellType.valueOf(arch.toUpperCase(Locale.ROOT));
                                    runs.add(new ForecastTraining.Settings(cell, spec, h, preset.net.layers(), 0f, wd,
                                            preset.net.batchSize(), lr, 1.0, maxEpochs, preset.net.patience(), seed));
                                }
                            }
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableList(runs);
    }
}
