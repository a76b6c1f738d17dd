package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.preprocess.EncodedText;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.serving.model.ModelLease;
import dev.seqserve.serving.model.ModelRegistry;
import dev.seqserve.serving.model.TaskType;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service over real HTTP with the fixture models: answers, errors, the contract, metrics,
 * info, health and the readiness gate during warm-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
@TestPropertySource(properties = "seqserve.admin.token=" + FixtureModels.ADMIN_TOKEN)
@Import(FixtureEndToEndTest.ProbeBeforeWarmUp.class)
class FixtureEndToEndTest {

    private static final String SERIES = "[10.5, 11.0, 9.5, 12.0, 13.5, 12.5, 11.0, 10.0, 9.0, 11.5]";

    @LocalServerPort
    int port;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ProbeBeforeWarmUp probe;

    private final OpenApiContract contract = OpenApiContract.get();

    private Http http() {
        return new Http(port);
    }

    @Test
    void oneTextIsScoredByTheDefaultModelAndConformsToTheContract() throws Exception {
        String review = "This was a wonderful film , I loved the acting !";
        HttpResponse<String> response = http().postJson("/sentiment", "{\"text\": \"" + review + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        contract.assertConforms("/sentiment", "post", 200, Http.mediaType(response), response.body());
        JsonNode body = Http.json(response);
        assertThat(body.path("model").path("name").asString()).isEqualTo(FixtureModels.SENTIMENT_LSTM);
        assertThat(body.path("model").path("version").asString()).isEqualTo(dev.seqserve.testing.TinyArtifacts.VERSION);
        EncodedText encoded = encoder(FixtureModels.SENTIMENT_LSTM).encode(review);
        assertThat(body.path("tokens").asInt()).isEqualTo(encoded.ids().length).isPositive();
        assertThat(body.path("truncated").asBoolean()).isFalse();
        float direct = DirectOnnx.sentiment(FixtureModels.folder().resolve(FixtureModels.SENTIMENT_LSTM), encoded.ids());
        assertThat(body.path("score").asDouble()).isCloseTo(direct, within(1e-6));
        assertThat(body.path("label").asString()).isEqualTo(direct >= 0.5 ? "positive" : "negative");
    }

    @Test
    void severalTextsAreAnsweredInOrderAndALongOneIsTruncated() throws Exception {
        String longReview = "the film was good . ".repeat(40);
        HttpResponse<String> response = http().postJson("/sentiment", "{\"texts\": [\"terrible , boring plot\", \""
                + longReview + "\", \"<br />\"], \"model\": \"" + FixtureModels.SENTIMENT_GRU + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        contract.assertConforms("/sentiment", "post", 200, Http.mediaType(response), response.body());
        JsonNode results = Http.json(response).path("results");
        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get(1).path("truncated").asBoolean()).isTrue();
        assertThat(results.get(1).path("tokens").asInt()).isEqualTo(dev.seqserve.testing.TinyArtifacts.MAX_LENGTH);
        assertThat(results.get(2).path("tokens").asInt()).isZero();
        int[] ids = encoder(FixtureModels.SENTIMENT_GRU).encode("terrible , boring plot").ids();
        float direct = DirectOnnx.sentiment(FixtureModels.folder().resolve(FixtureModels.SENTIMENT_GRU), ids);
        assertThat(results.get(0).path("score").asDouble()).isCloseTo(direct, within(1e-6));
        assertThat(Http.json(response).path("model").path("name").asString()).isEqualTo(FixtureModels.SENTIMENT_GRU);
    }

    @Test
    void aForecastHasHorizonFiniteNumbersAndConformsToTheContract() {
        HttpResponse<String> response = http().postJson("/forecast", "{\"series\": " + SERIES + ", \"horizon\": 3}");

        assertThat(response.statusCode()).isEqualTo(200);
        contract.assertConforms("/forecast", "post", 200, Http.mediaType(response), response.body());
        JsonNode body = Http.json(response);
        assertThat(body.path("forecast").size()).isEqualTo(3);
        body.path("forecast").forEach(v -> assertThat(Double.isFinite(v.asDouble())).isTrue());
        assertThat(body.path("horizon").asInt()).isEqualTo(3);
        assertThat(body.path("model").path("name").asString()).isEqualTo(FixtureModels.FORECAST);
    }

    @Test
    void modelsAreListedWithTheirMetadataAndConformToTheContract() {
        HttpResponse<String> list = http().get("/models");
        assertThat(list.statusCode()).isEqualTo(200);
        contract.assertConforms("/models", "get", 200, Http.mediaType(list), list.body());
        assertThat(Http.json(list).path("models").size()).isEqualTo(5);
        assertThat(Http.json(list).path("defaults").path("sentiment").asString()).isEqualTo(FixtureModels.SENTIMENT_LSTM);

        HttpResponse<String> one = http().get("/models/" + FixtureModels.FORECAST_LOG);
        assertThat(one.statusCode()).isEqualTo(200);
        contract.assertConforms("/models/{name}", "get", 200, Http.mediaType(one), one.body());
        assertThat(Http.json(one).path("series").path("minLength").asInt()).isEqualTo(FixtureModels.WINDOW);
        assertThat(Http.json(one).path("series").path("transforms").get(0).asString()).isEqualTo("log");
    }

    @Test
    void errorsOverRealHttpAreProblemsThatConformToTheContract() {
        assertProblem(http().postJson("/sentiment", "{\"text\": \"\"}"), "/sentiment", "post", 400, "blank-text");
        assertProblem(http().postJson("/forecast", "{\"series\": [1, 2], \"horizon\": 1}"), "/forecast", "post", 400,
                "series-too-short");
        assertProblem(http().postJson("/forecast", "{\"series\": " + SERIES + ", \"horizon\": 99}"), "/forecast", "post",
                400, "horizon-out-of-range");
        assertProblem(http().postJson("/sentiment", "{\"text\": \"good\", \"model\": \"nope\"}"), "/sentiment", "post",
                404, "unknown-model");
        assertProblem(http().get("/models/nope"), "/models/{name}", "get", 404, "unknown-model");
        assertProblem(http().get("/sentiment"), "/sentiment", "post", 405, "method-not-allowed");
        assertProblem(http().send(java.net.http.HttpRequest.newBuilder(http().uri("/sentiment"))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("good"))), "/sentiment", "post", 415,
                "unsupported-media-type");
        assertProblem(http().postJson("/sentiment", "{\"text\": \"" + "a ".repeat(2_200_000) + "\"}"), "/sentiment",
                "post", 413, "payload-too-large");
        assertProblem(http().get("/nope"), "/models", "get", 404, "not-found");
        assertThat(http().postJson("/sentiment", "{\"text\": \"good\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWith413() {
        HttpResponse<String> response = http().postJsonChunked("/sentiment",
                "{\"texts\": [\"" + "b ".repeat(2_200_000) + "\"]}");

        assertProblem(response, "/sentiment", "post", 413, "payload-too-large");
        assertThat(http().postJson("/sentiment", "{\"text\": \"good\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusShowsTheInferenceTimerPerModelWithHistogramBuckets() {
        assertThat(http().postJson("/sentiment", "{\"text\": \"good film\"}").statusCode()).isEqualTo(200);
        assertThat(http().postJson("/forecast", "{\"series\": " + SERIES + ", \"horizon\": 1}").statusCode()).isEqualTo(200);

        HttpResponse<String> response = http().get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .containsPattern("seqserve_inference_seconds_bucket\\{[^}]*model=\"" + FixtureModels.SENTIMENT_LSTM + "\"")
                .containsPattern("seqserve_inference_seconds_bucket\\{[^}]*model=\"" + FixtureModels.FORECAST + "\"")
                .containsPattern("seqserve_request_seconds_bucket\\{[^}]*model=\"" + FixtureModels.SENTIMENT_LSTM + "\"")
                .containsPattern("seqserve_preprocessing_seconds_bucket\\{[^}]*stage=\"encode\"")
                .containsPattern("seqserve_predictions_total\\{[^}]*outcome=\"success\"");
    }

    @Test
    void requestMetersTellTheTaskEndpointsFromV2ByTheProtocolTag() {
        assertThat(http().postJson("/sentiment", "{\"text\": \"good film\"}").statusCode()).isEqualTo(200);
        assertThat(http().postJson("/v2/models/" + FixtureModels.SENTIMENT_GRU + "/infer", "{\"inputs\": [{\"name\": "
                + "\"text\", \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"good film\", \"bad film\"]}]}")
                .statusCode()).isEqualTo(200);

        String metrics = http().get("/actuator/prometheus").body();

        assertThat(metrics)
                .containsPattern("seqserve_request_seconds_count\\{[^}]*model=\"" + FixtureModels.SENTIMENT_GRU
                        + "\"[^}]*protocol=\"v2\"")
                .containsPattern("seqserve_predictions_total\\{[^}]*model=\"" + FixtureModels.SENTIMENT_GRU
                        + "\"[^}]*protocol=\"v2\"[^}]*\\} 2\\.0")
                .containsPattern("seqserve_request_seconds_count\\{[^}]*protocol=\"seqserve\"");
    }

    @Test
    void infoShowsTheBuildAndEveryModelsVersionAndMetrics() {
        HttpResponse<String> response = http().get("/actuator/info");

        assertThat(response.statusCode()).isEqualTo(200);
        contract.assertConforms("/actuator/info", "get", 200, Http.mediaType(response), response.body());
        assertThat(Http.json(response).path("build").path("artifact").asString()).isEqualTo("seqserve");
        JsonNode models = Http.json(response).path("models");
        assertThat(models.path(FixtureModels.SENTIMENT_LSTM).path("version").asString())
                .isEqualTo(dev.seqserve.testing.TinyArtifacts.VERSION);
        assertThat(models.path(FixtureModels.FORECAST).path("task").asString()).isEqualTo("forecast");
    }

    @Test
    void readinessAndLivenessAreUpOnceWarmAndReadinessIncludesTheModels() {
        HttpResponse<String> readiness = http().get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        contract.assertConforms("/actuator/health/readiness", "get", 200, Http.mediaType(readiness), readiness.body());
        assertThat(Http.json(readiness).path("components").path("models").path("status").asString()).isEqualTo("UP");
        assertThat(http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http().get("/readyz").statusCode()).isEqualTo(200);
        assertThat(http().get("/livez").statusCode()).isEqualTo(200);
    }

    @Test
    void readinessWasDownBeforeWarmUpEnded() {
        assertThat(probe.status.get()).isEqualTo(503);
        assertThat(probe.body.get()).contains("\"models\"").contains("starting");
        contract.assertConforms("/actuator/health/readiness", "get", 503, "application/vnd.spring-boot.actuator.v3+json",
                probe.body.get());
    }

    @Test
    void swaggerUiShowsTheContract() {
        HttpResponse<String> spec = http().get("/openapi.yaml");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).startsWith("openapi: 3.1");

        HttpResponse<String> ui = http().get("/swagger-ui.html");
        assertThat(ui.statusCode()).isEqualTo(302);
        String location = ui.headers().firstValue("Location").orElseThrow();
        assertThat(http().get(java.net.URI.create(location).getPath()).statusCode()).isEqualTo(200);
        assertThat(http().get("/v3/api-docs/swagger-config").body()).contains("/openapi.yaml");
    }

    private TextEncoder encoder(String model) {
        try (ModelLease<TextEncoder, ?, ?> lease = registry.lease(TaskType.SENTIMENT, model, null)) {
            return lease.version().preprocessing();
        }
    }

    private void assertProblem(HttpResponse<String> response, String pathTemplate, String method, int status,
            String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.mediaType(response)).isEqualTo("application/problem+json");
        assertThat(Http.json(response).path("type").asString()).isEqualTo("https://seqserve.dev/problems/" + type);
        if (status != 404 || !type.equals("not-found")) {
            contract.assertConforms(pathTemplate, method, status, Http.mediaType(response), response.body());
        }
    }

    /**
     * Asks for readiness (with its details, so with the admin token) over HTTP once the server listens
     * but before the runners open the registry.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeBeforeWarmUp implements ApplicationListener<ApplicationStartedEvent> {

        final AtomicReference<Integer> status = new AtomicReference<>();
        final AtomicReference<String> body = new AtomicReference<>();

        @Override
        public void onApplicationEvent(ApplicationStartedEvent event) {
            int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
            HttpResponse<String> response = new Http(port).send(java.net.http.HttpRequest.newBuilder(
                    new Http(port).uri("/actuator/health/readiness")).header("Authorization", FixtureModels.ADMIN_BEARER));
            status.set(response.statusCode());
            body.set(response.body());
        }
    }
}
