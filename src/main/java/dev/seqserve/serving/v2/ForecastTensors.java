package dev.seqserve.serving.v2;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.serving.SeqserveProperties;
import dev.seqserve.serving.forecast.ForecastRequest;
import dev.seqserve.serving.forecast.ForecastService;
import dev.seqserve.serving.model.Protocol;
import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import dev.seqserve.serving.web.RequestValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Forecast models in V2: input {@code series} ({@code FP32} or {@code FP64}, shape {@code [n, length]}:
 * {@code n} series of equal length, oldest value first), request parameter {@code horizon} (and, for
 * models that read the calendar, {@code lastTimestamp}, the date of every series' last value); output
 * {@code forecast} ({@code FP32}, {@code [n, horizon]}, in the series' own units). Each series is
 * checked as {@code POST /forecast} checks its {@code series}, and all are forecast by one version.
 */
@Service
final class ForecastTensors implements TaskTensors {

    static final String SERIES = "series";
    static final String FORECAST = "forecast";
    static final String HORIZON = "horizon";
    static final String LAST_TIMESTAMP = "lastTimestamp";

    private static final long[] MATRIX = {-1, -1};

    private final ForecastService service;
    private final RequestValidator validator;
    private final int maxSeries;

    ForecastTensors(ForecastService service, RequestValidator validator, SeqserveProperties properties) {
        this.service = service;
        this.validator = validator;
        this.maxSeries = properties.forecast().maxSeries();
    }

    @Override
    public Manifest.Task task() {
        return Manifest.Task.FORECAST;
    }

    @Override
    public List<ModelMetadata.Tensor> inputs() {
        return List.of(new ModelMetadata.Tensor(SERIES, Tensors.FP32, MATRIX));
    }

    @Override
    public List<ModelMetadata.Tensor> outputs() {
        return List.of(new ModelMetadata.Tensor(FORECAST, Tensors.FP32, MATRIX));
    }

    @Override
    public Map<String, String> properties(Manifest manifest) {
        SeriesCodec codec = SeriesCodec.from(manifest.series());
        return Map.of("task", "forecast", "min_length", Integer.toString(codec.minLength()),
                "max_horizon", Integer.toString(codec.maxHorizon()),
                "parameters", codec.needsDate() ? HORIZON + "," + LAST_TIMESTAMP : HORIZON);
    }

    @Override
    public Inferred infer(String model, String version, InferenceRequest request) {
        InferenceRequest.Input input = Tensors.only(request, SERIES);
        String datatype = Tensors.datatype(input, Tensors.FP32, Tensors.FP64);
        long[] shape = Tensors.shape(input, 2, "[n, length]");
        List<JsonNode> elements = TensorData.elements(input, shape);
        int horizon = horizon(request.parameters());
        String lastTimestamp = lastTimestamp(request.parameters());
        if (shape[0] < 1 || shape[0] > maxSeries) {
            throw new InvalidInputException(ProblemType.BATCH_TOO_LARGE, "Input \"" + SERIES + "\" must hold 1 to "
                    + maxSeries + " series; it has " + shape[0] + ".");
        }
        double[] values = TensorData.numbers(input, elements, datatype);
        int length = (int) shape[1];
        List<ForecastRequest> requests = new ArrayList<>((int) shape[0]);
        for (int i = 0; i < shape[0]; i++) {
            ForecastRequest row = request(Arrays.copyOfRange(values, i * length, (i + 1) * length), horizon,
                    lastTimestamp, model, version);
            String at = SERIES + "[" + i + "]";
            validator.check(row, field -> field.replace(SERIES, at));
            requests.add(row);
        }
        ForecastService.Forecasts forecasts = service.forecast(Protocol.V2, requests);
        double[] flat = new double[requests.size() * horizon];
        for (int i = 0; i < requests.size(); i++) {
            System.arraycopy(forecasts.forecasts().get(i).values(), 0, flat, i * horizon, horizon);
        }
        return new Inferred(forecasts.model(), List.of(
                new InferenceResponse.Output(FORECAST, Tensors.FP32, new long[] {requests.size(), horizon}, flat)));
    }

    /**
     * The {@code POST /forecast} request one row of the tensor stands for: the one place where the
     * V2 request's parameters become the task request's fields (no intervals: V2 has no output for them).
     */
    private static ForecastRequest request(double[] series, int horizon, String lastTimestamp, String model,
            String version) {
        return new ForecastRequest(series, horizon, model, version, null, lastTimestamp);
    }

    /** The date of the series' last value, for models that read the calendar; checked as {@code POST /forecast} checks it. */
    private static String lastTimestamp(Map<String, JsonNode> parameters) {
        JsonNode value = parameters == null ? null : parameters.get(LAST_TIMESTAMP);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(ProblemType.WRONG_TYPE, "The parameter \"" + LAST_TIMESTAMP
                    + "\" must be a string: the ISO-8601 date of the series' last value.");
        }
        return value.stringValue();
    }

    private static int horizon(Map<String, JsonNode> parameters) {
        JsonNode value = parameters == null ? null : parameters.get(HORIZON);
        if (value == null || value.isNull()) {
            throw new InvalidInputException(ProblemType.MISSING_FIELD, "The request needs the parameter \"" + HORIZON
                    + "\": how many steps ahead to forecast.");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidInputException(ProblemType.WRONG_TYPE, "The parameter \"" + HORIZON + "\" must be an integer.");
        }
        return value.intValue();
    }
}
