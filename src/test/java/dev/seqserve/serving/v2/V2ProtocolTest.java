package dev.seqserve.serving.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.seqserve.serving.FixtureModels;
import dev.seqserve.serving.OpenApiContract;
import dev.seqserve.serving.ServingSliceTest;
import dev.seqserve.testing.TinyArtifacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The V2 endpoints with the fixture models: server metadata and health, each model's metadata (exactly
 * its task's tensors, {@code -1} for what varies), readiness, and inference with the outputs a request
 * selects and its {@code id}; every answer as {@code openapi.yaml} documents it.
 */
@ServingSliceTest
class V2ProtocolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double[] WINDOW = {1.5, 2.5, 3.0, 2.0, 4.5, 5.0, 4.0, 3.5};

    @Autowired
    MockMvc mvc;

    @Test
    void serverMetadataAndHealth() throws Exception {
        JsonNode metadata = answer(get("/v2"), "/v2", "get", 200);
        assertThat(metadata.path("name").stringValue()).isEqualTo("seqserve");
        assertThat(metadata.path("extensions").isArray()).isTrue();
        assertThat(answer(get("/v2/"), "/v2", "get", 200)).isEqualTo(metadata);

        assertThat(answer(get("/v2/health/live"), "/v2/health/live", "get", 200).path("live").booleanValue()).isTrue();
        assertThat(answer(get("/v2/health/ready"), "/v2/health/ready", "get", 200).path("ready").booleanValue()).isTrue();
    }

    @Test
    void sentimentMetadataDescribesTextInAndProbabilityAndLabelOut() throws Exception {
        for (String model : List.of(FixtureModels.SENTIMENT_LSTM, FixtureModels.SENTIMENT_GRU)) {
            JsonNode metadata = answer(get("/v2/models/" + model), "/v2/models/{name}", "get", 200);
            assertThat(metadata.path("name").stringValue()).isEqualTo(model);
            assertThat(metadata.path("platform").stringValue()).isEqualTo("onnx_onnxv1");
            assertThat(metadata.path("versions")).containsExactly(JSON.getNodeFactory().stringNode(TinyArtifacts.VERSION));
            assertThat(metadata.path("inputs").toString()).isEqualTo("[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[-1]}]");
            assertThat(metadata.path("outputs").toString()).isEqualTo("[{\"name\":\"probability\",\"datatype\":\"FP32\","
                    + "\"shape\":[-1]},{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[-1]}]");
            assertThat(metadata.path("properties").path("max_tokens").stringValue())
                    .isEqualTo(Integer.toString(TinyArtifacts.MAX_LENGTH));
            assertThat(answer(get("/v2/models/" + model + "/versions/" + TinyArtifacts.VERSION),
                    "/v2/models/{name}/versions/{version}", "get", 200)).isEqualTo(metadata);
        }
    }

    @Test
    void forecastMetadataDescribesSeriesInAndForecastOutAndTheHorizonRange() throws Exception {
        JsonNode metadata = answer(get("/v2/models/" + FixtureModels.FORECAST), "/v2/models/{name}", "get", 200);

        assertThat(metadata.path("inputs").toString()).isEqualTo("[{\"name\":\"series\",\"datatype\":\"FP32\",\"shape\":[-1,-1]}]");
        assertThat(metadata.path("outputs").toString())
                .isEqualTo("[{\"name\":\"forecast\",\"datatype\":\"FP32\",\"shape\":[-1,-1]}]");
        assertThat(metadata.path("properties").path("task").stringValue()).isEqualTo("forecast");
        assertThat(metadata.path("properties").path("min_length").stringValue()).isEqualTo(Integer.toString(FixtureModels.WINDOW));
        assertThat(metadata.path("properties").path("max_horizon").stringValue())
                .isEqualTo(Integer.toString(FixtureModels.MAX_HORIZON));
        assertThat(metadata.path("properties").path("parameters").stringValue()).isEqualTo("horizon");
        JsonNode calendar = answer(get("/v2/models/" + FixtureModels.FORECAST_CALENDAR), "/v2/models/{name}", "get", 200);
        assertThat(calendar.path("properties").path("parameters").stringValue()).isEqualTo("horizon,lastTimestamp");
        assertThat(calendar.path("inputs")).isEqualTo(metadata.path("inputs"));
    }

    @Test
    void everyModelIsReadyWithAndWithoutItsVersion() throws Exception {
        for (String model : List.of(FixtureModels.SENTIMENT_LSTM, FixtureModels.SENTIMENT_GRU, FixtureModels.FORECAST,
                FixtureModels.FORECAST_LOG)) {
            JsonNode ready = answer(get("/v2/models/" + model + "/ready"), "/v2/models/{name}/ready", "get", 200);
            assertThat(ready.path("name").stringValue()).isEqualTo(model);
            assertThat(ready.path("ready").booleanValue()).isTrue();
            assertThat(answer(get("/v2/models/" + model + "/versions/" + TinyArtifacts.VERSION + "/ready"),
                    "/v2/models/{name}/versions/{version}/ready", "get", 200)).isEqualTo(ready);
        }
    }

    @Test
    void sentimentInferenceAnswersEveryOutputByDefaultAndNamesTheVersion() throws Exception {
        JsonNode answer = infer("/v2/models/" + FixtureModels.SENTIMENT_GRU + "/infer",
                V2Bodies.texts(List.of("a wonderful film !", "terrible , boring plot", "it was not very good")));

        assertThat(answer.path("model_name").stringValue()).isEqualTo(FixtureModels.SENTIMENT_GRU);
        assertThat(answer.path("model_version").stringValue()).isEqualTo(TinyArtifacts.VERSION);
        assertThat(answer.has("id")).isFalse();
        JsonNode probability = answer.path("outputs").get(0);
        JsonNode label = answer.path("outputs").get(1);
        assertThat(probability.path("name").stringValue()).isEqualTo("probability");
        assertThat(probability.path("datatype").stringValue()).isEqualTo("FP32");
        assertThat(probability.path("shape").toString()).isEqualTo("[3]");
        assertThat(label.path("name").stringValue()).isEqualTo("label");
        assertThat(label.path("datatype").stringValue()).isEqualTo("BYTES");
        assertThat(label.path("shape").toString()).isEqualTo("[3]");
        for (int i = 0; i < 3; i++) {
            double p = probability.path("data").get(i).doubleValue();
            assertThat(p).isBetween(0.0, 1.0);
            assertThat(label.path("data").get(i).stringValue()).isEqualTo(p >= 0.5 ? "positive" : "negative");
        }
    }

    @Test
    void requestedOutputsAreTheOnlyOnesAndTheIdIsRepeated() throws Exception {
        String body = "{\"id\": \"req-7\", \"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [2], "
                + "\"data\": [\"a wonderful film\", \"an awful film\"]}], \"outputs\": [{\"name\": \"label\"}]}";

        JsonNode answer = infer("/v2/models/" + FixtureModels.SENTIMENT_LSTM + "/versions/" + TinyArtifacts.VERSION + "/infer",
                body);

        assertThat(answer.path("id").stringValue()).isEqualTo("req-7");
        assertThat(answer.path("outputs")).hasSize(1);
        assertThat(answer.path("outputs").get(0).path("name").stringValue()).isEqualTo("label");
        assertThat(answer.path("outputs").get(0).path("data")).hasSize(2);
    }

    @Test
    void forecastInferenceAnswersNByHorizonAndFlatDataEqualsNestedData() throws Exception {
        double[][] rows = {WINDOW, reversed(WINDOW)};
        String path = "/v2/models/" + FixtureModels.FORECAST + "/infer";

        JsonNode nested = infer(path, V2Bodies.series("FP32", rows, 3));
        JsonNode flat = infer(path, V2Bodies.flatSeries("FP64", rows, 3));

        JsonNode forecast = nested.path("outputs").get(0);
        assertThat(forecast.path("name").stringValue()).isEqualTo("forecast");
        assertThat(forecast.path("datatype").stringValue()).isEqualTo("FP32");
        assertThat(forecast.path("shape").toString()).isEqualTo("[2,3]");
        assertThat(forecast.path("data")).hasSize(6).allSatisfy(v -> assertThat(v.doubleValue()).isFinite());
        assertThat(flat.path("outputs")).isEqualTo(nested.path("outputs"));
        assertThat(forecast.path("data").get(0)).as("the two series differ, so do their forecasts")
                .isNotEqualTo(forecast.path("data").get(3));
    }

    private JsonNode infer(String path, String body) throws Exception {
        return answer(post(path).contentType(MediaType.APPLICATION_JSON).content(body),
                path.contains("/versions/") ? "/v2/models/{name}/versions/{version}/infer" : "/v2/models/{name}/infer",
                "post", 200);
    }

    private JsonNode answer(RequestBuilder request, String path, String method, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        OpenApiContract.get().assertConforms(path, method, status, MediaType.APPLICATION_JSON_VALUE,
                response.getContentAsString());
        return JSON.readTree(response.getContentAsString());
    }

    private static double[] reversed(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[values.length - 1 - i];
        }
        return out;
    }
}
