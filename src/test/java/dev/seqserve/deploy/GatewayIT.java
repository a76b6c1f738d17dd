package dev.seqserve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.OpenApiContract;
import dev.seqserve.serving.RawExchange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway configuration, without containers: Debian's nginx with deploy/nginx/seqserve-gateway.conf
 * on 127.0.0.1 in front of two instances of the packaged service on loopback ports.
 * Skipped where nginx is not installed, unless SEQSERVE_REQUIRE_NGINX=true (CI sets it).
 */
@Needs({Needs.What.NGINX, Needs.What.JAR})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIT {

    private static final Pattern SENTIMENT_COUNT = Pattern.compile(
            "(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/sentiment\"[^}]*} ([0-9.eE+]+)$");
    private static final Pattern ADMIN_COUNT = Pattern.compile(
            "(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/admin[^\"]*\"[^}]*} ([0-9.eE+]+)$");
    private static final String ADMIN_TOKEN = "gateway-test-admin-token-0123456789";
    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + ADMIN_TOKEN);

    private static ServiceProcess first;
    private static ServiceProcess second;
    private static NginxGateway gateway;

    @BeforeAll
    static void startReplicasAndGateway() throws Exception {
        first = ServiceProcess.start("gateway-replica-1", "--seqserve.admin.token=" + ADMIN_TOKEN);
        second = ServiceProcess.start("gateway-replica-2", "--seqserve.admin.token=" + ADMIN_TOKEN);
        first.awaitReady();
        second.awaitReady();
        gateway = NginxGateway.start(NginxGateway.binary().orElseThrow(), List.of(first.port(), second.port()));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        for (ServiceProcess replica : new ServiceProcess[] {first, second}) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    @Test
    @Order(1)
    void requestsThroughTheGatewayReachBothReplicas() {
        double firstBefore = sentimentCount(first);
        double secondBefore = sentimentCount(second);
        for (int i = 0; i < 20; i++) {
            RawHttp.Outcome outcome = RawHttp.postJson(gateway.port(), "/sentiment", Requests.sentiment());
            assertThat(outcome.status()).as("POST /sentiment through the gateway: %s", outcome).isEqualTo(200);
        }
        assertThat(sentimentCount(first) - firstBefore).as("requests served by replica 1").isPositive();
        assertThat(sentimentCount(second) - secondBefore).as("requests served by replica 2").isPositive();
        assertThat(RawHttp.postJson(gateway.port(), "/forecast", Requests.forecast(3)).status()).isEqualTo(200);
        assertThat(RawHttp.get(gateway.port(), "/models").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void onlyTheApiHealthAndDocsPassTheGateway() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(RawHttp.get(gateway.port(), path).status()).as("GET %s through the gateway", path).isEqualTo(200);
        }
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/env", "/actuator",
                "/actuator/healthz", "/actuator/health/../prometheus")) {
            RawHttp.Outcome outcome = RawHttp.get(gateway.port(), path);
            assertThat(outcome.status()).as("GET %s through the gateway: %s", path, outcome).isIn(400, 404);
            assertThat(outcome.body()).doesNotContain("jvm_", "http_server_requests");
        }
        // The replica itself still serves its metrics to Prometheus on its own port.
        assertThat(RawHttp.get(first.port(), "/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theAdminApiNeverPassesTheGatewayHoweverItsPathIsSpelt() {
        String reload = "/admin/models/sentiment-lstm/reload";
        assertThat(RawHttp.send(first.port(), "POST", reload, null, ADMIN).status())
                .as("the replica's own port serves the admin API").isEqualTo(200);
        double before = adminCount(first) + adminCount(second);
        for (String path : List.of(reload, "/admin", "/admin/", "//admin/models/sentiment-lstm/reload",
                "/models/../admin/models/sentiment-lstm/reload", "/%61dmin/models/sentiment-lstm/reload",
                "/admin/models/sentiment-lstm/pin")) {
            RawHttp.Outcome outcome = RawHttp.send(gateway.port(), "POST", path, null, ADMIN);
            assertThat(outcome.status()).as("POST %s through the gateway: %s", path, outcome).isIn(400, 404);
        }
        assertThat(adminCount(first) + adminCount(second)).as("admin requests the replicas saw").isEqualTo(before);
    }

    @Test
    @Order(3)
    void theGatewaysOwnErrorsAndTheServicesPassAsProblemsNamingNoVersion() {
        String post = "POST /sentiment HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n";
        byte[] overGateway = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(overGateway, (byte) 'a');
        byte[] overService = ("{\"text\": \"" + "a ".repeat(2_200_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("unknown path", new Object[] {raw("GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404, "not-found"});
        cases.put("TRACE", new Object[] {raw("TRACE /models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 405, "method-not-allowed"});
        cases.put("no request line", new Object[] {raw("GARBAGE\r\n\r\n"), 400, "malformed-request"});
        cases.put("HTTP/2.0 request line", new Object[] {raw("GET /models HTTP/2.0\r\nHost: x\r\n\r\n"), 400, "malformed-request"});
        cases.put("no Host", new Object[] {raw("GET /models HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "malformed-request"});
        cases.put("header too large", new Object[] {raw("GET /models HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), 400, "malformed-request"});
        cases.put("long URI", new Object[] {raw("GET /models?" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                414, "uri-too-long"});
        cases.put("broken chunk", new Object[] {raw(post + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n"), 400, "malformed-request"});
        cases.put("unknown transfer coding", new Object[] {raw(post + "Transfer-Encoding: gzip\r\n\r\n"), 400, "malformed-request"});
        cases.put("body over the gateway's limit", new Object[] {withBody(post, overGateway), 413, "payload-too-large"});
        cases.put("body over the service's limit", new Object[] {withBody(post, overService), 413, "payload-too-large"});
        cases.put("the service's own 400", new Object[] {withBody(post, "{x".getBytes(StandardCharsets.US_ASCII)), 400, "malformed-json"});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            RawExchange.Answer answer = RawExchange.send(gateway.port(), (byte[]) c.getValue()[0], false);
            assertProblem(c.getKey(), answer, (Integer) c.getValue()[1], (String) c.getValue()[2]);
        }
        RawExchange.Answer serviceLimit = RawExchange.send(gateway.port(), withBody(post, overService), false);
        assertThat(serviceLimit.body()).as("the service's own 413 names its limit").contains("4194304 bytes");
    }

    @Test
    @Order(4)
    void stoppingOneReplicaUnderLoadCostsTheClientsNoRequest() throws Exception {
        String body = Requests.sentiment();
        List<RawHttp.Outcome> outcomes;
        try (Load load = Load.start("gateway-load", 3, Duration.ofSeconds(90), 5_000,
                () -> RawHttp.postJson(gateway.port(), "/sentiment", body))) {
            load.awaitSucceeded(100, Duration.ofMinutes(1));
            first.terminate();
            assertThat(first.awaitExit(Duration.ofSeconds(60))).as("replica 1 exited after SIGTERM").isTrue();
            long afterStop = load.succeeded();
            load.awaitSucceeded(afterStop + 100, Duration.ofMinutes(1));
            outcomes = load.stop();
        }
        List<RawHttp.Outcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        assertThat(failed).as("failed requests out of %d (nginx error log:%n%s)", outcomes.size(), gateway.errorLog())
                .isEmpty();
        System.out.printf("gateway: %d requests while replica 1 stopped, 0 failed%n", outcomes.size());
    }

    @Test
    @Order(5)
    void withNoReplicaLeftTheGatewayAnswersBadGatewayAsAProblem() {
        second.terminate();
        assertThat(second.awaitExit(Duration.ofSeconds(60))).as("replica 2 exited after SIGTERM").isTrue();

        RawExchange.Answer answer = RawExchange.send(gateway.port(),
                raw("GET /models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), false);

        assertProblem("no replica", answer, 502, "bad-gateway");
    }

    private static void assertProblem(String name, RawExchange.Answer answer, int status, String type) {
        assertThat(answer.status()).as("%s: %s", name, answer).isEqualTo(status);
        assertThat(answer.mediaType()).as("%s: %s", name, answer).isEqualTo("application/problem+json");
        JsonNode body = JsonMapper.builder().build().readTree(answer.body());
        assertThat(body.path("type").asString()).as(name).isEqualTo("https://seqserve.dev/problems/" + type);
        assertThat(OpenApiContract.get().validate("/components/schemas/Problem", body)).as("%s: %s", name, body).isEmpty();
        assertThat(answer.headers().getOrDefault("server", "")).as("%s: Server header", name).doesNotContainPattern("[0-9]");
        assertThat(answer.body()).as(name).doesNotContainPattern("nginx/[0-9]");
    }

    private static byte[] raw(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] withBody(String head, byte[] body) {
        byte[] start = raw(head + "Content-Length: " + body.length + "\r\n\r\n");
        byte[] request = java.util.Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return request;
    }

    private static double sentimentCount(ServiceProcess replica) {
        return count(replica, SENTIMENT_COUNT);
    }

    private static double adminCount(ServiceProcess replica) {
        return count(replica, ADMIN_COUNT);
    }

    private static double count(ServiceProcess replica, Pattern series) {
        RawHttp.Outcome metrics = RawHttp.get(replica.port(), "/actuator/prometheus");
        assertThat(metrics.status()).as("GET /actuator/prometheus on the replica").isEqualTo(200);
        Matcher m = series.matcher(metrics.body());
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
