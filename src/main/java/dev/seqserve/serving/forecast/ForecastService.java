package dev.seqserve.serving.forecast;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.serving.model.ModelLease;
import dev.seqserve.serving.model.ModelMetrics;
import dev.seqserve.serving.model.ModelRef;
import dev.seqserve.serving.model.ModelRegistry;
import dev.seqserve.serving.model.ModelVersion;
import dev.seqserve.serving.model.Protocol;
import dev.seqserve.serving.model.TaskType;
import dev.seqserve.serving.model.batch.RequestRejectedException;
import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Forecasts series: lease the model's serving version, check each series against it, encode, queue
 * every series for it, decode back to the series' units with that version's codec.
 */
@Service
public class ForecastService {

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
        Forecasts forecasts = forecast(Protocol.SEQSERVE, List.of(request));
        Forecast only = forecasts.forecasts().get(0);
        return new ForecastResponse(only.values(), request.horizon(), forecasts.model(), only.intervals());
    }

    /**
     * Forecasts several requests' series with one version; each series is queued on its own, so they batch
     * with other requests. Another protocol's endpoint builds one {@link ForecastRequest} per series, so every
     * field of the request means here what it means on {@code POST /forecast}.
     *
     * @param protocol the API the requests arrived through, for the metrics
     * @param requests validated requests, at least one, all naming the first one's model and version
     * @return one forecast per request, in order, and the version that answered
     * @throws InvalidInputException when a series, horizon, date or interval levels do not suit the model
     */
    public Forecasts forecast(Protocol protocol, List<ForecastRequest> requests) {
        List<LocalDate> lastDates = new ArrayList<>(requests.size());
        for (ForecastRequest request : requests) {
            IntervalLevels.check(request.intervals());
            lastDates.add(LastTimestamp.parse(request.lastTimestamp()));
        }
        long start = System.nanoTime();
        ForecastRequest first = requests.get(0);
        try (ModelLease<SeriesCodec, float[], float[]> lease =
                registry.lease(TaskType.FORECAST, first.model(), first.version())) {
            ModelVersion<SeriesCodec, float[], float[]> model = lease.version();
            String outcome = "error";
            try {
                SeriesCodec codec = model.preprocessing();
                long encodeStart = System.nanoTime();
                List<float[]> inputs = new ArrayList<>(requests.size());
                for (int i = 0; i < requests.size(); i++) {
                    ForecastRequest request = requests.get(i);
                    check(model.ref().name(), codec, request.series(), request.horizon(), lastDates.get(i));
                    inputs.add(encode(codec, request.series(), lastDates.get(i)));
                }
                metrics.preprocessing(model.ref(), "encode", System.nanoTime() - encodeStart);
                List<float[]> outputs = model.infer(inputs);
                long decodeStart = System.nanoTime();
                List<Forecast> forecasts = new ArrayList<>(requests.size());
                for (int i = 0; i < requests.size(); i++) {
                    ForecastRequest request = requests.get(i);
                    double[] forecast = codec.decode(request.series(), lastDates.get(i), outputs.get(i), request.horizon());
                    requireFinite(model.ref().name(), forecast);
                    forecasts.add(new Forecast(forecast, intervals.around(model, forecast, request.intervals())));
                }
                metrics.preprocessing(model.ref(), "decode", System.nanoTime() - decodeStart);
                outcome = "success";
                return new Forecasts(forecasts, model.ref());
            } catch (InvalidInputException e) {
                outcome = "invalid";
                throw e;
            } catch (RequestRejectedException e) {
                outcome = "rejected";
                throw e;
            } finally {
                metrics.request(protocol, TaskType.FORECAST.label(), model.ref(), outcome, requests.size(),
                        System.nanoTime() - start);
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

    /**
     * Forecasts.
     *
     * @param forecasts one per request, in order
     * @param model the version that answered
     */
    public record Forecasts(List<Forecast> forecasts, ModelRef model) {}

    /**
     * One request's forecast.
     *
     * @param values its {@code horizon} values in the series' own units
     * @param intervals the prediction intervals it asked for; empty when it asked for none
     */
    public record Forecast(double[] values, List<ForecastResponse.Interval> intervals) {}
}
