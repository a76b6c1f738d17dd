package dev.seqserve.serving.forecast;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.serving.model.ModelLease;
import dev.seqserve.serving.model.ModelMetrics;
import dev.seqserve.serving.model.ModelRegistry;
import dev.seqserve.serving.model.ModelVersion;
import dev.seqserve.serving.model.TaskType;
import dev.seqserve.serving.model.batch.RequestRejectedException;
import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Forecasts a series: lease the model's serving version, check the series against it, encode, run,
 * decode back to the series' units with that version's codec.
 */
@Service
class ForecastService {

    private final ModelRegistry registry;
    private final ModelMetrics metrics;
    private final ForecastIntervals intervals;

    ForecastService(ModelRegistry registry, ModelMetrics metrics, ForecastIntervals intervals) {
        this.registry = registry;
        this.metrics = metrics;
        this.intervals = intervals;
    }

    /**
     * @param request a validated request
     * @throws InvalidInputException when the series, horizon, date or interval levels do not suit the model
     */
    ForecastResponse forecast(ForecastRequest request) {
        IntervalLevels.check(request.intervals());
        LocalDate lastDate = LastTimestamp.parse(request.lastTimestamp());
        long start = System.nanoTime();
        try (ModelLease<SeriesCodec, float[], float[]> lease =
                registry.lease(TaskType.FORECAST, request.model(), request.version())) {
            ModelVersion<SeriesCodec, float[], float[]> model = lease.version();
            String outcome = "error";
            try {
                SeriesCodec codec = model.preprocessing();
                double[] series = request.series();
                int horizon = request.horizon();
                check(model.ref().name(), codec, series, horizon, lastDate);
                long encodeStart = System.nanoTime();
                float[] input = encode(codec, series, lastDate);
                metrics.preprocessing(model.ref(), "encode", System.nanoTime() - encodeStart);
                float[] output = model.infer(List.of(input)).get(0);
                long decodeStart = System.nanoTime();
                double[] forecast = codec.decode(series, lastDate, output, horizon);
                requireFinite(model.ref().name(), forecast);
                List<ForecastResponse.Interval> bands = intervals.around(model, forecast, request.intervals());
                metrics.preprocessing(model.ref(), "decode", System.nanoTime() - decodeStart);
                outcome = "success";
                return new ForecastResponse(forecast, horizon, model.ref(), bands);
            } catch (InvalidInputException e) {
                outcome = "invalid";
                throw e;
            } catch (RequestRejectedException e) {
                outcome = "rejected";
                throw e;
            } finally {
                metrics.request(TaskType.FORECAST.label(), model.ref(), outcome, 1, System.nanoTime() - start);
            }
        }
    }

    private static void check(String model, SeriesCodec codec, double[] series, int horizon, LocalDate lastDate) {
        if (series.length < codec.minLength()) {
            throw new InvalidInputException(ProblemType.SERIES_TOO_SHORT, "Model " + model + " needs a series of at least "
                    + codec.minLength() + " values; this one has " + series.length + ".");
        }
        if (horizon < 1 || horizon > codec.maxHorizon()) {
            throw new InvalidInputException(ProblemType.HORIZON_OUT_OF_RANGE, "Model " + model
                    + " forecasts 1 to " + codec.maxHorizon() + " steps ahead; the horizon was " + horizon + ".");
        }
        if (codec.needsDate() && lastDate == null) {
            throw new InvalidInputException(ProblemType.TIMESTAMP_REQUIRED, "Model " + model + " reads the "
                    + "calendar: give the date of the series' last value as lastTimestamp, e.g. \"1990-12-31\".");
        }
    }

    private static float[] encode(SeriesCodec codec, double[] series, LocalDate lastDate) {
        float[] input;
        try {
            input = codec.encode(series, lastDate);
        } catch (IllegalArgumentException e) {
            // e.g. a log transform given a value that is not positive
            throw new InvalidInputException(ProblemType.INVALID_SERIES, "The series does not suit the model: "
                    + e.getMessage() + ".");
        }
        for (float value : input) {
            if (!Float.isFinite(value)) {
                throw new InvalidInputException(ProblemType.INVALID_SERIES, "The series does not suit the model: "
                        + "its values, once scaled, are beyond what the model reads (single precision).");
            }
        }
        return input;
    }

    /**
     * Refuses a forecast that is not finite rather than answer one: undoing a log transform of a
     * finite but extreme series overflows, and JSON has no infinity. Clamping would answer a number
     * the model never forecast.
     */
    private static void requireFinite(String model, double[] forecast) {
        for (int h = 0; h < forecast.length; h++) {
            if (!Double.isFinite(forecast[h])) {
                throw new InvalidInputException(ProblemType.FORECAST_OVERFLOW, "Model " + model
                        + "'s forecast " + (h + 1) + " step(s) ahead is not a finite number in the series' units; "
                        + "the series' values are too extreme for its transforms.");
            }
        }
    }
}
