package dev.seqserve.serving.v2;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.seqserve.serving.FixtureModels;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Every kind of bad V2 request against the fixture models, with the status it must get: 400 for a
 * request the model cannot take, 404 for an unknown model, version or path, 405 for a wrong method.
 */
final class V2BadRequests {

    static final String SENTIMENT = "/v2/models/" + FixtureModels.SENTIMENT_LSTM + "/infer";
    static final String FORECAST = "/v2/models/" + FixtureModels.FORECAST + "/infer";
    static final String FORECAST_LOG = "/v2/models/" + FixtureModels.FORECAST_LOG + "/infer";
    static final String FORECAST_CALENDAR = "/v2/models/" + FixtureModels.FORECAST_CALENDAR + "/infer";
    static final String INFER = "/v2/models/{name}/infer";
    static final String WINDOW = "[1.5, 2.5, 3.0, 2.0, 4.5, 5.0, 4.0, 3.5]";

    /**
     * One bad request.
     *
     * @param name what is wrong with it
     * @param path the documented path template it goes to
     * @param operation the method of the documented operation there, whose responses the answer must match
     * @param request the request
     * @param status the status it must get
     */
    record Case(String name, String path, String operation, RequestBuilder request, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    private V2BadRequests() {}

    static List<Case> all() {
        String text = "{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [1], \"data\": [\"a good film\"]}";
        return List.of(
                infer("malformed JSON", SENTIMENT, "{\"inputs\": [" + text),
                infer("empty body", SENTIMENT, ""),
                infer("trailing garbage", SENTIMENT, "{\"inputs\": [" + text + "]} x"),
                infer("an array for a body", SENTIMENT, "[" + text + "]"),
                inferCase("text/plain body", post(SENTIMENT).contentType(MediaType.TEXT_PLAIN).content("a good film")),
                inferCase("no content type", post(SENTIMENT).content("{\"inputs\": [" + text + "]}")),
                infer("body over the size limit", SENTIMENT, sentiment("[1]", "[\"" + "a ".repeat(2_200_000) + "\"]")),
                infer("no inputs", SENTIMENT, "{\"id\": \"1\"}"),
                infer("empty inputs", SENTIMENT, "{\"inputs\": []}"),
                infer("null input", SENTIMENT, "{\"inputs\": [null]}"),
                infer("input without a name", SENTIMENT, "{\"inputs\": [{\"datatype\": \"BYTES\", \"shape\": [1], \"data\": [\"a\"]}]}"),
                infer("unknown input name", SENTIMENT, "{\"inputs\": [" + text.replace("\"text\"", "\"review\"") + "]}"),
                infer("the input twice", SENTIMENT, "{\"inputs\": [" + text + ", " + text + "]}"),
                infer("an unknown input beside the right one", SENTIMENT,
                        "{\"inputs\": [" + text + ", " + text.replace("\"text\"", "\"extra\"") + "]}"),
                infer("FP32 for text", SENTIMENT, text("FP32", "[1]", "[\"a good film\"]")),
                infer("no datatype", SENTIMENT, "{\"inputs\": [{\"name\": \"text\", \"shape\": [1], \"data\": [\"a\"]}]}"),
                infer("a number for the datatype", SENTIMENT, text("5", "[1]", "[\"a\"]").replace("\"5\"", "5")),
                infer("no shape", SENTIMENT, "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\", \"data\": [\"a\"]}]}"),
                infer("shape of 2 for 3 texts", SENTIMENT, sentiment("[2]", "[\"good\", \"bad\", \"fine\"]")),
                infer("shape of 3 for 2 texts", SENTIMENT, sentiment("[3]", "[\"good\", \"bad\"]")),
                infer("rank-2 shape for text", SENTIMENT, sentiment("[1, 1]", "[[\"good\"]]")),
                infer("nested deeper than the shape", SENTIMENT, sentiment("[1]", "[[\"good\"]]")),
                infer("negative dimension", SENTIMENT, sentiment("[-1]", "[\"good\"]")),
                infer("a string in the shape", SENTIMENT, sentiment("[\"1\"]", "[\"good\"]")),
                infer("a fraction in the shape", SENTIMENT, sentiment("[1.5]", "[\"good\"]")),
                infer("no data", SENTIMENT, "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [1]}]}"),
                infer("null data", SENTIMENT, sentiment("[1]", "null")),
                infer("a string for the data", SENTIMENT, sentiment("[1]", "\"a good film\"")),
                infer("a number in text data", SENTIMENT, sentiment("[2]", "[\"good\", 5]")),
                infer("null in text data", SENTIMENT, sentiment("[2]", "[\"good\", null]")),
                infer("blank text", SENTIMENT, sentiment("[2]", "[\"good\", \"  \"]")),
                infer("text over the length limit", SENTIMENT, sentiment("[1]", "[\"" + "a".repeat(20_001) + "\"]")),
                infer("65 texts", SENTIMENT, sentiment("[65]", "[" + String.join(", ", Collections.nCopies(65, "\"good\"")) + "]")),
                infer("no texts", SENTIMENT, sentiment("[0]", "[]")),
                infer("unknown output", SENTIMENT, "{\"inputs\": [" + text + "], \"outputs\": [{\"name\": \"score\"}]}"),
                infer("output without a name", SENTIMENT, "{\"inputs\": [" + text + "], \"outputs\": [{}]}"),
                infer("a number for the id", SENTIMENT, "{\"id\": 42, \"inputs\": [" + text + "]}"),
                infer("an array for the parameters", SENTIMENT, "{\"parameters\": [1], \"inputs\": [" + text + "]}"),
                infer("text for a forecaster", FORECAST, "{\"parameters\": {\"horizon\": 1}, \"inputs\": [" + text + "]}"),
                new Case("unknown model", INFER, "post", post("/v2/models/nope/infer")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"inputs\": [" + text + "]}"), 404),
                new Case("unknown version", "/v2/models/{name}/versions/{version}/infer", "post",
                        post("/v2/models/" + FixtureModels.SENTIMENT_LSTM + "/versions/9/infer")
                                .contentType(MediaType.APPLICATION_JSON).content("{\"inputs\": [" + text + "]}"), 404),
                new Case("metadata of an unknown model", "/v2/models/{name}", "get", get("/v2/models/nope"), 404),
                new Case("metadata of an unknown version", "/v2/models/{name}/versions/{version}", "get",
                        get("/v2/models/" + FixtureModels.FORECAST + "/versions/nope"), 404),
                new Case("readiness of an unknown model", "/v2/models/{name}/ready", "get", get("/v2/models/nope/ready"), 404),
                new Case("readiness of an unknown version", "/v2/models/{name}/versions/{version}/ready", "get",
                        get("/v2/models/" + FixtureModels.FORECAST + "/versions/nope/ready"), 404),
                new Case("GET infer", INFER, "post", get(SENTIMENT), 405),
                new Case("POST metadata", "/v2", "get", post("/v2").contentType(MediaType.APPLICATION_JSON).content("{}"), 405),
                infer("no horizon", FORECAST, forecast("{}", "FP64", "[1, 8]", "[" + WINDOW + "]")),
                infer("no parameters", FORECAST, "{\"inputs\": [" + series("FP64", "[1, 8]", "[" + WINDOW + "]") + "]}"),
                infer("a string for the horizon", FORECAST, forecast("{\"horizon\": \"2\"}", "FP64", "[1, 8]", "[" + WINDOW + "]")),
                infer("a fraction for the horizon", FORECAST, forecast("{\"horizon\": 2.5}", "FP64", "[1, 8]", "[" + WINDOW + "]")),
                infer("true for the horizon", FORECAST, forecast("{\"horizon\": true}", "FP64", "[1, 8]", "[" + WINDOW + "]")),
                infer("horizon 0", FORECAST, forecast(horizon(0), "FP64", "[1, 8]", "[" + WINDOW + "]")),
                infer("horizon over the maximum", FORECAST,
                        forecast(horizon(FixtureModels.MAX_HORIZON + 1), "FP64", "[1, 8]", "[" + WINDOW + "]")),
                infer("INT32 series", FORECAST, forecast(horizon(1), "INT32", "[1, 8]", "[[1, 2, 3, 4, 5, 6, 7, 8]]")),
                infer("BYTES series", FORECAST, forecast(horizon(1), "BYTES", "[1, 8]", "[" + WINDOW + "]")),
                infer("rank-1 shape for series", FORECAST, forecast(horizon(1), "FP32", "[8]", WINDOW)),
                infer("shape of 2 series for 1 flat", FORECAST, forecast(horizon(1), "FP32", "[2, 8]", WINDOW)),
                infer("series of unequal lengths", FORECAST,
                        forecast(horizon(1), "FP32", "[2, 8]", "[" + WINDOW + ", [1, 2, 3, 4, 5, 6, 7]]")),
                infer("rows shorter than the shape", FORECAST,
                        forecast(horizon(1), "FP32", "[2, 8]", "[[1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7]]")),
                infer("fewer rows than the shape", FORECAST, forecast(horizon(1), "FP32", "[3, 8]", "[" + WINDOW + ", " + WINDOW + "]")),
                infer("rows mixed with values", FORECAST, forecast(horizon(1), "FP32", "[2, 8]", "[" + WINDOW + ", 1.5]")),
                infer("a string in the series", FORECAST, forecast(horizon(1), "FP32", "[1, 8]", "[[1, 2, \"x\", 4, 5, 6, 7, 8]]")),
                infer("null in the series", FORECAST, forecast(horizon(1), "FP32", "[1, 8]", "[[1, 2, null, 4, 5, 6, 7, 8]]")),
                infer("true in the series", FORECAST, forecast(horizon(1), "FP32", "[1, 8]", "[[1, 2, true, 4, 5, 6, 7, 8]]")),
                infer("overflow to infinity (FP64)", FORECAST, forecast(horizon(1), "FP64", "[1, 8]", "[[1, 2, 3, 4, 5, 6, 7, 1e999]]")),
                infer("beyond the FP32 range", FORECAST, forecast(horizon(1), "FP32", "[1, 8]", "[[1, 2, 3, 4, 5, 6, 7, -1e39]]")),
                infer("NaN token", FORECAST, forecast(horizon(1), "FP64", "[1, 8]", "[[1, 2, 3, NaN, 5, 6, 7, 8]]")),
                infer("series shorter than the window", FORECAST, forecast(horizon(1), "FP32", "[1, 3]", "[[1, 2, 3]]")),
                infer("empty series", FORECAST, forecast(horizon(1), "FP32", "[1, 0]", "[[]]")),
                infer("series over the length limit", FORECAST, forecast(horizon(1), "FP32", "[1, 10001]", "[" + numbers(10_001) + "]")),
                infer("65 series", FORECAST, forecast(horizon(1), "FP32", "[65, 8]",
                        "[" + String.join(", ", Collections.nCopies(65, WINDOW)) + "]")),
                infer("no series", FORECAST, forecast(horizon(1), "FP32", "[0, 8]", "[]")),
                infer("a negative value for a log model", FORECAST_LOG,
                        forecast(horizon(1), "FP32", "[1, 8]", "[[1, 2, 3, 4, 5, 6, 7, -8]]")),
                infer("no lastTimestamp for a calendar model", FORECAST_CALENDAR,
                        forecast(horizon(1), "FP32", "[1, 8]", "[" + WINDOW + "]")),
                infer("a number for lastTimestamp", FORECAST_CALENDAR,
                        forecast("{\"horizon\": 1, \"lastTimestamp\": 19901231}", "FP32", "[1, 8]", "[" + WINDOW + "]")),
                infer("a lastTimestamp that is no date", FORECAST_CALENDAR,
                        forecast("{\"horizon\": 1, \"lastTimestamp\": \"1990-13-45\"}", "FP32", "[1, 8]", "[" + WINDOW + "]")));
    }

    private static Case infer(String name, String path, String body) {
        return inferCase(name, post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static Case inferCase(String name, RequestBuilder request) {
        return new Case(name, INFER, "post", request, 400);
    }

    private static String sentiment(String shape, String data) {
        return text("BYTES", shape, data);
    }

    private static String text(String datatype, String shape, String data) {
        return "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"" + datatype + "\", \"shape\": " + shape + ", \"data\": "
                + data + "}]}";
    }

    private static String forecast(String parameters, String datatype, String shape, String data) {
        return "{\"parameters\": " + parameters + ", \"inputs\": [" + series(datatype, shape, data) + "]}";
    }

    private static String series(String datatype, String shape, String data) {
        return "{\"name\": \"series\", \"datatype\": \"" + datatype + "\", \"shape\": " + shape + ", \"data\": " + data + "}";
    }

    private static String horizon(int horizon) {
        return "{\"horizon\": " + horizon + "}";
    }

    private static String numbers(int count) {
        return IntStream.range(0, count).mapToObj(i -> Integer.toString(i % 17 + 1)).collect(Collectors.joining(",", "[", "]"));
    }
}
