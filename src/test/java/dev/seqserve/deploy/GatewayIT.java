package dev.seqserve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
