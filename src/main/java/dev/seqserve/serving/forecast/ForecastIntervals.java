package dev.seqserve.serving.forecast;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.PredictionIntervals;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.serving.model.ModelVersion;
import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.springframework.stereotype.Service;

/**
 * Prediction intervals around a served forecast, from the calibration in the model's manifest, read once
 * per loaded model version.
 */
@Service
class ForecastIntervals {

    /** Per loaded version (by identity, so a replaced version's entry goes with it). */
    private final Map<ModelVersion<?, ?, ?>, Optional<PredictionIntervals>> calibrations =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param levels levels already checked by {@link IntervalLevels}, or {@code null}
     * @return one interval per level in order, or {@code null} when none was asked for
     * @throws InvalidInputException when the model has no calibration, or none for so high a level
     */
    List<ForecastResponse.Interval> around(ModelVersion<SeriesCodec, float[], float[]> model, double[] forecast, double[] levels) {
        if (levels == null) {
            return null;
        }
        PredictionIntervals calibration = calibration(model).orElseThrow(() -> new InvalidInputException(
                ProblemType.INTERVALS_UNAVAILABLE, "Model " + model.ref().name() + " has no calibrated intervals."));
        double highest = calibration.maxLevel(forecast.length);
        List<ForecastResponse.Interval> intervals = new ArrayList<>(levels.length);
        for (double level : levels) {
            if (level > highest) {
                throw new InvalidInputException(ProblemType.INTERVALS_UNAVAILABLE, String.format(Locale.ROOT,
                        "Model %s's intervals are calibrated on too few errors for level %s; the highest level it "
                                + "gives for this horizon is %.4f.", model.ref().name(), level, highest));
            }
            PredictionIntervals.Bounds b = calibration.bounds(forecast, level);
            intervals.add(new ForecastResponse.Interval(level, b.lower(), b.upper()));
        }
        return intervals;
    }

    private Optional<PredictionIntervals> calibration(ModelVersion<SeriesCodec, float[], float[]> model) {
        return calibrations.computeIfAbsent(model, key -> {
            Manifest.SeriesPreprocessing.Intervals section = model.manifest().series().intervals();
            return section == null ? Optional.empty() : Optional.of(PredictionIntervals.from(section));
        });
    }
}
