package dev.seqserve.serving.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.seqserve.serving.FixtureModels;
import dev.seqserve.serving.ServingSliceTest;
import dev.seqserve.testing.TinyArtifacts;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Every kind of bad input gets its status and problem {@code type} as {@code application/problem+json},
 * never a 500, and the service still answers the next valid request.
 */
@ServingSliceTest
class BadInputTest {

    private static final String SERIES = "[1.5, 2.5, 3.0, 2.0, 4.5, 5.0, 4.0, 3.5]";
    /** One code point, two UTF-16 units. */
    private static final String EMOJI = "\uD83D\uDE00";

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> badRequests() {
        String window = SERIES;
        String shortSeries = "[1, 2, 3]";
        return Stream.of(
                bad("malformed JSON", sentiment("{\"text\": \"good\""), 400, "malformed-json"),
                bad("empty body", sentiment(""), 400, "malformed-json"),
                bad("NaN token", forecast("{\"series\": [1, NaN, 2, 3, 4, 5, 6, 7], \"horizon\": 1}"), 400, "malformed-json"),
                bad("Infinity token", forecast("{\"series\": [1, 2, 3, 4, 5, 6, 7, -Infinity], \"horizon\": 1}"), 400, "malformed-json"),
                bad("trailing garbage", sentiment("{\"text\": \"good\"} x"), 400, "malformed-json"),
                bad("number for text", sentiment("{\"text\": 5}"), 400, "wrong-type"),
                bad("string for texts", sentiment("{\"texts\": \"good\"}"), 400, "wrong-type"),
                bad("array body", sentiment("[\"good\"]"), 400, "wrong-type"),
                bad("string for series", forecast("{\"series\": \"1,2,3\", \"horizon\": 1}"), 400, "wrong-type"),
                bad("string in series", forecast("{\"series\": [1, 2, \"x\", 4, 5, 6, 7, 8], \"horizon\": 1}"), 400, "wrong-type"),
                bad("null in series", forecast("{\"series\": [1, 2, null, 4, 5, 6, 7, 8], \"horizon\": 1}"), 400, "wrong-type"),
                bad("string for horizon", forecast("{\"series\": " + window + ", \"horizon\": \"2\"}"), 400, "wrong-type"),
                bad("fraction for horizon", forecast("{\"series\": " + window + ", \"horizon\": 2.5}"), 400, "wrong-type"),
                bad("no text nor texts", sentiment("{}"), 400, "missing-field"),
                bad("only a model", sentiment("{\"model\": \"" + FixtureModels.SENTIMENT_GRU + "\"}"), 400, "missing-field"),
                bad("null in texts", sentiment("{\"texts\": [\"good\", null]}"), 400, "missing-field"),
                bad("no series", forecast("{\"horizon\": 2}"), 400, "missing-field"),
                bad("no horizon", forecast("{\"series\": " + window + "}"), 400, "missing-field"),
                bad("null horizon", forecast("{\"series\": " + window + ", \"horizon\": null}"), 400, "missing-field"),
                bad("both text and texts", sentiment("{\"text\": \"good\", \"texts\": [\"bad\"]}"), 400, "invalid-request"),
                bad("empty texts", sentiment("{\"texts\": []}"), 400, "invalid-request"),
                bad("empty text", sentiment("{\"text\": \"\"}"), 400, "blank-text"),
                bad("blank text", sentiment("{\"text\": \" \\t\\n \"}"), 400, "blank-text"),
                bad("blank text, asking for JSON", post("/sentiment").contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON).content("{\"text\": \"\"}"), 400, "blank-text"),
                bad("blank text in texts", sentiment("{\"texts\": [\"good\", \"  \"]}"), 400, "blank-text"),
                bad("text over the length limit", sentiment(textOf(20_001)), 400, "text-too-long"),
                bad("texts over the length limit", sentiment("{\"texts\": [\"ok\", \"" + "a".repeat(20_001) + "\"]}"), 400, "text-too-long"),
                bad("20,001 emoji, counted as code points", sentiment("{\"text\": \"" + EMOJI.repeat(20_001) + "\"}"), 400, "text-too-long"),
                bad("65 texts", sentiment(texts(65)), 400, "batch-too-large"),
                bad("explain as a string", sentiment("{\"text\": \"good\", \"explain\": \"true\"}"), 400, "wrong-type"),
                bad("explain as a number", sentiment("{\"text\": \"good\", \"explain\": 1}"), 400, "wrong-type"),
                bad("explain as an object", sentiment("{\"text\": \"good\", \"explain\": {}}"), 400, "wrong-type"),
                bad("explained texts over the token bound", sentiment(explainedTexts(63)), 400, "explained-text-too-long"),
                bad("unknown sentiment model", sentiment("{\"text\": \"good\", \"model\": \"nope\"}"), 404, "unknown-model"),
                bad("unknown forecast model", forecast("{\"series\": " + window + ", \"horizon\": 1, \"model\": \"nope\"}"), 404, "unknown-model"),
                bad("unknown model details", get("/models/nope"), 404, "unknown-model"),
                bad("forecaster for sentiment", sentiment("{\"text\": \"good\", \"model\": \"" + FixtureModels.FORECAST + "\"}"), 400, "wrong-model-task"),
                bad("classifier for forecast", forecast("{\"series\": " + window + ", \"horizon\": 1, \"model\": \"" + FixtureModels.SENTIMENT_LSTM + "\"}"), 400, "wrong-model-task"),
                bad("series shorter than the window", forecast("{\"series\": " + shortSeries + ", \"horizon\": 1}"), 400, "series-too-short"),
                bad("empty series", forecast("{\"series\": [], \"horizon\": 1}"), 400, "series-too-short"),
                bad("series over the length limit", forecast("{\"series\": " + numbers(10_001) + ", \"horizon\": 1}"), 400, "series-too-long"),
                bad("overflow to infinity", forecast("{\"series\": [1, 2, 3, 4, 5, 6, 7, 1e999], \"horizon\": 1}"), 400, "non-finite-number"),
                bad("horizon zero", forecast("{\"series\": " + window + ", \"horizon\": 0}"), 400, "horizon-out-of-range"),
                bad("negative horizon", forecast("{\"series\": " + window + ", \"horizon\": -3}"), 400, "horizon-out-of-range"),
                bad("horizon over the maximum", forecast("{\"series\": " + window + ", \"horizon\": " + (FixtureModels.MAX_HORIZON + 1) + "}"), 400, "horizon-out-of-range"),
                bad("a value beyond single precision once scaled", forecast("{\"series\": [1, 2, 3, 4, 5, 6, 7, 1e300], \"horizon\": 1}"), 400, "invalid-series"),
                bad("negative value for a log model", forecast("{\"series\": [1, 2, 3, 4, 5, 6, 7, -8], \"horizon\": 1, \"model\": \"" + FixtureModels.FORECAST_LOG + "\"}"), 400, "invalid-series"),
                bad("interval level 0", forecast(levels("[0]")), 400, "interval-level-out-of-range"),
                bad("interval level 1", forecast(levels("[0.8, 1]")), 400, "interval-level-out-of-range"),
                bad("negative interval level", forecast(levels("[-0.5]")), 400, "interval-level-out-of-range"),
                bad("interval level above 1", forecast(levels("[95]")), 400, "interval-level-out-of-range"),
                bad("duplicate interval level", forecast(levels("[0.8, 0.95, 0.8]")), 400, "duplicate-interval-level"),
                bad("six interval levels", forecast(levels("[0.5, 0.6, 0.7, 0.8, 0.9, 0.95]")), 400, "too-many-interval-levels"),
                bad("string interval level", forecast(levels("[\"0.8\"]")), 400, "wrong-type"),
                bad("null interval level", forecast(levels("[null]")), 400, "wrong-type"),
                bad("interval level above the calibration's", forecast(levels("[0.96]")), 400, "intervals-unavailable"),
                bad("intervals of a model without calibration", forecast("{\"series\": " + window + ", \"horizon\": 1, "
                        + "\"intervals\": [0.8], \"model\": \"" + FixtureModels.FORECAST_LOG + "\"}"), 400, "intervals-unavailable"),
                bad("calendar model without a date", forecast("{\"series\": " + window + ", \"horizon\": 1, \"model\": \""
                        + FixtureModels.FORECAST_CALENDAR + "\"}"), 400, "timestamp-required"),
                bad("date that is no date", forecast("{\"series\": " + window + ", \"horizon\": 1, \"lastTimestamp\": "
                        + "\"31/12/1989\", \"model\": \"" + FixtureModels.FORECAST_CALENDAR + "\"}"), 400, "invalid-timestamp"),
                bad("number for a date", forecast("{\"series\": " + window + ", \"horizon\": 1, \"lastTimestamp\": 19891231}"),
                        400, "wrong-type"),
                bad("body over the size limit", sentiment("{\"text\": \"" + "a ".repeat(2_200_000) + "\"}"), 413, "payload-too-large"),
                bad("text/plain body", post("/sentiment").contentType(MediaType.TEXT_PLAIN).content("good film"), 415, "unsupported-media-type"),
                bad("no content type", post("/forecast").content("{}"), 415, "unsupported-media-type"),
                bad("form body", post("/sentiment").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("text=good"), 415, "unsupported-media-type"),
                bad("GET /sentiment", get("/sentiment"), 405, "method-not-allowed"),
                bad("DELETE /models", delete("/models"), 405, "method-not-allowed"),
                bad("unknown path", get("/nope"), 404, "not-found"),
                bad("POST to an unknown path", post("/nope").contentType(MediaType.APPLICATION_JSON).content("{}"), 404, "not-found"),
                bad("only HTML accepted", post("/sentiment").contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.TEXT_HTML).content("{\"text\": \"good\"}"), 406, "not-acceptable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsItsProblemTypeAndTheNextRequestIsAnswered(String name, RequestBuilder request, int status,
            String type) throws Exception {
        mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seqserve.dev/problems/" + type))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void theTextLimitCountsCodePointsAsTheContractsMaxLengthDoes() throws Exception {
        // 20,000 characters for the contract's maxLength, 40,000 UTF-16 units for String.length()
        mvc.perform(sentiment("{\"text\": \"" + EMOJI.repeat(20_000) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").isNotEmpty());
    }

    @AfterEach
    void nextValidRequestsAreAnswered() throws Exception {
        mvc.perform(sentiment("{\"text\": \"a great film\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model.name").value(FixtureModels.SENTIMENT_LSTM));
        mvc.perform(forecast("{\"series\": " + SERIES + ", \"horizon\": 2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.forecast.length()").value(2));
    }

    private static Arguments bad(String name, RequestBuilder request, int status, String type) {
        return Arguments.of(name, request, status, type);
    }

    private static RequestBuilder sentiment(String body) {
        return post("/sentiment").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static RequestBuilder forecast(String body) {
        return post("/forecast").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String levels(String levels) {
        return "{\"series\": " + SERIES + ", \"horizon\": 2, \"intervals\": " + levels + "}";
    }

    private static String textOf(int length) {
        return "{\"text\": \"" + "a".repeat(length) + "\"}";
    }

    private static String texts(int count) {
        return "{\"texts\": [" + String.join(", ", Collections.nCopies(count, "\"good\"")) + "]}";
    }

    /**
     * {@code count} texts of the fixture's maximum length, explained: 63 of them are 4,032 tokens read,
     * over the default bound of 4,000 (while 62, 3,968 tokens, are within it: {@code SentimentExplainEndToEndTest}).
     */
    private static String explainedTexts(int count) {
        String text = "\"" + "good ".repeat(TinyArtifacts.MAX_LENGTH) + "\"";
        return "{\"explain\": true, \"texts\": [" + String.join(", ", Collections.nCopies(count, text)) + "]}";
    }

    private static String numbers(int count) {
        return IntStream.range(0, count).mapToObj(i -> Integer.toString(i % 17 + 1)).collect(Collectors.joining(",", "[", "]"));
    }
}
