package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may call what, over real HTTP with an admin token and API keys configured: the admin API needs
 * the token, inference (the task endpoints and V2 {@code /infer}) needs a key, the rest is public (V2
 * metadata and health among it); refusals are problem+json that conform to the
 * contract; health details need the token; protective headers on every answer; no filesystem path in
 * the public answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
@TestPropertySource(properties = {
        "seqserve.admin.token=" + FixtureModels.ADMIN_TOKEN,
        "seqserve.api-keys=" + SecurityTest.KEY + "," + SecurityTest.OTHER_KEY})
class SecurityTest {

    static final String KEY = "client-key-0123456789abcdef";
    static final String OTHER_KEY = "second-client-key-0123456789";
    private static final String RELOAD = "/admin/models/" + FixtureModels.SENTIMENT_LSTM + "/reload";
    private static final String REVIEW = "{\"text\": \"a wonderful film\"}";

    @LocalServerPort
    int port;

    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void adminCallsWithoutATokenOrWithAWrongOneGet401AndWithTheTokenWork() {
        HttpResponse<String> none = post(RELOAD, "", List.of());
        assertProblem(none, RELOAD, 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"seqserve-admin\"");
        assertThat(none.body()).contains("Authorization: Bearer");

        HttpResponse<String> wrong = post(RELOAD, "", List.of("Authorization", "Bearer " + FixtureModels.ADMIN_TOKEN + "x"));
        assertProblem(wrong, RELOAD, 401, "unauthorized");
        HttpResponse<String> truncated = post(RELOAD, "", List.of("Authorization", "Bearer "
                + FixtureModels.ADMIN_TOKEN.substring(0, FixtureModels.ADMIN_TOKEN.length() - 1)));
        assertProblem(truncated, RELOAD, 401, "unauthorized");
        HttpResponse<String> basic = post(RELOAD, "", List.of("Authorization", "Basic " + FixtureModels.ADMIN_TOKEN));
        assertProblem(basic, RELOAD, 401, "unauthorized");

        HttpResponse<String> right = post(RELOAD, "", List.of("Authorization", FixtureModels.ADMIN_BEARER));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        contract.assertConforms("/admin/models/{name}/reload", "post", 200, Http.mediaType(right), right.body());
        assertThat(Http.json(right).path("versions").get(0).path("state").asString()).isEqualTo("serving");
    }

    @Test
    void anApiKeyIsNotAnAdminToken() {
        HttpResponse<String> response = post(RELOAD, "", List.of("X-API-Key", KEY));

        assertProblem(response, RELOAD, 403, "forbidden");
    }

    @Test
    void inferenceWithoutAKeyOrWithAWrongOneGets401AndWithAnyConfiguredKeyWorks() {
        HttpResponse<String> none = post("/sentiment", REVIEW, List.of());
        assertProblem(none, "/sentiment", 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey realm=\"seqserve\", header=\"X-API-Key\"");
        assertProblem(post("/sentiment", REVIEW, List.of("X-API-Key", KEY.toUpperCase(java.util.Locale.ROOT))),
                "/sentiment", 401, "unauthorized");
        assertProblem(post("/forecast", "{\"series\": [1,2,3,4,5,6,7,8], \"horizon\": 1}", List.of()), "/forecast", 401,
                "unauthorized");

        for (String key : List.of(KEY, OTHER_KEY)) {
            HttpResponse<String> ok = post("/sentiment", REVIEW, List.of("X-API-Key", key));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            contract.assertConforms("/sentiment", "post", 200, Http.mediaType(ok), ok.body());
        }
        assertThat(post("/forecast", "{\"series\": [1,2,3,4,5,6,7,8], \"horizon\": 1}", List.of("X-API-Key", KEY))
                .statusCode()).isEqualTo(200);
        assertThat(post("/sentiment", REVIEW, List.of("Authorization", FixtureModels.ADMIN_BEARER)).statusCode())
                .as("the admin token may call inference too").isEqualTo(200);
    }

    @Test
    void v2InferenceTakesAKeyAsTheTaskEndpointsDoAndRefusesInTheProtocolsErrorBody() {
        String path = "/v2/models/" + FixtureModels.SENTIMENT_LSTM + "/infer";
        String body = "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": [1], "
                + "\"data\": [\"a wonderful film\"]}]}";
        for (List<String> headers : List.of(List.<String>of(), List.of("X-API-Key", KEY + "x"))) {
            HttpResponse<String> refused = post(path, body, headers);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(Http.mediaType(refused)).isEqualTo("application/json");
            assertThat(Http.json(refused).path("error").asString()).contains("API key");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey realm=\"seqserve\", header=\"X-API-Key\"");
            contract.assertConforms("/v2/models/{name}/infer", "post", 401, Http.mediaType(refused), refused.body());
        }
        HttpResponse<String> versioned = post("/v2/models/" + FixtureModels.SENTIMENT_LSTM + "/versions/"
                + dev.seqserve.testing.TinyArtifacts.VERSION + "/infer", body, List.of());
        assertThat(versioned.statusCode()).isEqualTo(401);

        HttpResponse<String> ok = post(path, body, List.of("X-API-Key", OTHER_KEY));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        contract.assertConforms("/v2/models/{name}/infer", "post", 200, Http.mediaType(ok), ok.body());
    }

    @Test
    void modelsHealthAndTheContractStayPublic() {
        for (String path : List.of("/models", "/models/" + FixtureModels.FORECAST, "/actuator/health/readiness",
                "/actuator/health/liveness", "/openapi.yaml", "/actuator/info", "/v2", "/v2/health/live",
                "/v2/health/ready", "/v2/models/" + FixtureModels.FORECAST, "/v2/models/" + FixtureModels.FORECAST + "/ready")) {
            assertThat(new Http(port).get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void healthDetailsOnlyWithTheAdminToken() {
        HttpResponse<String> anonymous = new Http(port).get("/actuator/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(Http.json(anonymous).path("components").path("models").path("status").asString()).isEqualTo("UP");
        assertThat(Http.json(anonymous).path("components").path("models").has("details")).isFalse();
        assertThat(anonymous.body()).doesNotContain("diskSpace\":{\"status\":\"UP\",\"details\"", "path", FixtureModels.FORECAST);

        HttpResponse<String> admin = get("/actuator/health", List.of("Authorization", FixtureModels.ADMIN_BEARER));
        assertThat(Http.json(admin).path("components").path("models").path("details").path("models")
                .path(FixtureModels.FORECAST).asString()).isEqualTo(dev.seqserve.testing.TinyArtifacts.VERSION);
        HttpResponse<String> client = get("/actuator/health", List.of("X-API-Key", KEY));
        assertThat(Http.json(client).path("components").path("models").has("details")).isFalse();
    }

    @Test
    void answersAndErrorsCarryNosniffAndNoStore() {
        for (HttpResponse<String> response : List.of(post("/sentiment", REVIEW, List.of("X-API-Key", KEY)),
                post("/sentiment", "{\"text\": \"\"}", List.of("X-API-Key", KEY)), post("/sentiment", REVIEW, List.of()),
                new Http(port).get("/models"), new Http(port).get("/nope"))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().getPath()).hasValue("nosniff");
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().getPath()).hasValueSatisfying(
                    value -> assertThat(List.of(value.split(",\\s*"))).contains("no-store"));
        }
    }

    @Test
    void publicAnswersNameNoFilesystemPath() {
        List<String> paths = List.of(FixtureModels.folder().toString(), Path.of("").toAbsolutePath().toString(),
                System.getProperty("java.home"), System.getProperty("user.home"));
        for (String path : List.of("/models", "/models/" + FixtureModels.SENTIMENT_LSTM, "/actuator/info",
                "/actuator/health", "/actuator/health/readiness")) {
            String body = new Http(port).get(path).body();
            for (String forbidden : paths) {
                assertThat(body).as("%s names %s", path, forbidden).doesNotContain(forbidden);
            }
        }
    }

    @Test
    void aWrongMethodOnAnActuatorEndpointIsAProblemTheContractDocuments() {
        HttpResponse<String> response = post("/actuator/health/readiness", "", List.of());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(Http.json(response).path("type").asString()).isEqualTo("https://seqserve.dev/problems/method-not-allowed");
        contract.assertConforms("/actuator/health/readiness", "get", 405, Http.mediaType(response), response.body());
    }

    /**
     * A chunked body is gathered off the request thread and the request dispatched a second time
     * ({@code RequestBodyFilter}): that dispatch keeps the caller's authentication and the protective headers.
     */
    @Test
    void aBodyGatheredAfterItsHeadersKeepsItsAuthentication() {
        HttpResponse<String> none = new Http(port).send(chunked("/sentiment", List.of()));
        assertProblem(none, "/sentiment", 401, "unauthorized");

        HttpResponse<String> ok = new Http(port).send(chunked("/sentiment", List.of("X-API-Key", KEY)));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        contract.assertConforms("/sentiment", "post", 200, Http.mediaType(ok), ok.body());
        assertThat(ok.body()).isEqualTo(post("/sentiment", REVIEW, List.of("X-API-Key", KEY)).body());
        assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(ok.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    private HttpRequest.Builder chunked(String path, List<String> headers) {
        byte[] bytes = REVIEW.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(new Http(port).uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return request;
    }

    private HttpResponse<String> post(String path, String body, List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(new Http(port).uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return new Http(port).send(request);
    }

    private HttpResponse<String> get(String path, List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(new Http(port).uri(path)).GET();
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return new Http(port).send(request);
    }

    private void assertProblem(HttpResponse<String> response, String path, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.mediaType(response)).isEqualTo("application/problem+json");
        assertThat(Http.json(response).path("type").asString()).isEqualTo("https://seqserve.dev/problems/" + type);
        String template = path.startsWith("/admin/models/") ? "/admin/models/{name}/reload" : path;
        contract.assertConforms(template, "post", status, Http.mediaType(response), response.body());
    }
}
