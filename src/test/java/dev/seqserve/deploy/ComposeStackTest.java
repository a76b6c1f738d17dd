package dev.seqserve.deploy;

import static dev.seqserve.deploy.ProjectFiles.at;
import static dev.seqserve.deploy.ProjectFiles.list;
import static dev.seqserve.deploy.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, the gateway, Prometheus and Grafana files agree with each other: the same
 * replicas everywhere, every mounted file present, and a dashboard that covers traffic, latency
 * percentiles, batch sizes and errors. (`docker compose config` validation runs in .ci.)
 */
class ComposeStackTest {

    private static Map<String, Object> compose() throws IOException {
        return ProjectFiles.yamlDocuments(ProjectFiles.file("docker-compose.yml")).get(0);
    }

    private static List<String> replicas() throws IOException {
        return map(compose(), "services").keySet().stream().filter(s -> s.matches("seqserve-\\d+")).sorted().toList();
    }

    @Test
    void gatewayPrometheusAndGrafanaRunBesideAtLeastTwoReplicas() throws IOException {
        assertThat(map(compose(), "services")).containsKeys("gateway", "prometheus", "grafana");
        assertThat(replicas()).hasSizeGreaterThanOrEqualTo(2);
        for (String replica : replicas()) {
            assertThat(at(compose(), "services", replica, "build", "context")).isEqualTo(".");
            assertThat(map(compose(), "services", replica, "environment")).containsKey("SEQSERVE_MODELS_LOCATION");
        }
        assertThat(map(compose(), "services", "gateway", "depends_on")).containsOnlyKeys(replicas());
    }

    @Test
    void everyFileTheStackMountsIsInTheRepository() throws IOException {
        for (Map.Entry<String, Object> service : map(compose(), "services").entrySet()) {
            Object volumes = at(service.getValue(), "volumes");
            for (Object volume : volumes == null ? List.of() : (List<?>) volumes) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ProjectFiles.file(source.substring(2))).as("%s mounts %s", service.getKey(), source)
                            .exists();
                }
            }
        }
    }

    @Test
    void gatewayBalancesOverExactlyTheComposeReplicas() throws IOException {
        String config = Files.readString(ProjectFiles.file(NginxGateway.CONFIG.toString()));
        Matcher servers = Pattern.compile("server (seqserve-\\d+):8080").matcher(config);
        List<String> upstream = new ArrayList<>();
        while (servers.find()) {
            upstream.add(servers.group(1));
        }
        assertThat(upstream).containsExactlyInAnyOrderElementsOf(replicas());
        assertThat(config).contains("proxy_next_upstream error timeout http_502 http_503 non_idempotent");
    }

    @Test
    void gatewayAnswersTheAdminPathsItselfAndNeverProxiesThem() throws IOException {
        String config = Files.readString(ProjectFiles.file(NginxGateway.CONFIG.toString()));
        Matcher admin = Pattern.compile("location \\^~ /admin \\{([^}]*)}").matcher(config);
        assertThat(admin.find()).as("a prefix location for /admin that wins over regular expressions").isTrue();
        assertThat(admin.group(1)).contains("return 404").doesNotContain("proxy_pass");
        assertThat(config).doesNotContainPattern("location[^{]*admin[^{]*\\{[^}]*proxy_pass");
    }

    @Test
    void prometheusScrapesEveryReplicaOnItsOwnPort() throws IOException {
        Map<String, Object> prometheus = ProjectFiles.yamlDocuments(ProjectFiles.file("deploy/prometheus/prometheus.yml")).get(0);
        Object job = list(prometheus, "scrape_configs").stream()
                .filter(j -> "seqserve".equals(at(j, "job_name"))).findFirst().orElseThrow();
        assertThat(at(job, "metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(list(job, "static_configs", 0, "targets"))
                .containsExactlyInAnyOrderElementsOf(replicas().stream().map(r -> r + ":8080").toList());
    }

    @Test
    void dashboardUsesTheProvisionedDatasourceAndCoversTrafficLatencyBatchesAndErrors() throws IOException {
        Map<String, Object> datasource = map(ProjectFiles.yamlDocuments(
                ProjectFiles.file("deploy/grafana/provisioning/datasources/prometheus.yml")).get(0), "datasources", 0);
        assertThat(at(datasource, "url")).isEqualTo("http://prometheus:9090");
        // JSON is YAML: SnakeYAML reads the dashboard without a JSON library.
        Map<String, Object> dashboard = ProjectFiles.yamlDocuments(
                ProjectFiles.file("deploy/grafana/dashboards/seqserve.json")).get(0);
        List<Object> panels = list(dashboard, "panels").stream().filter(p -> !"row".equals(at(p, "type"))).toList();
        for (Object panel : panels) {
            assertThat(at(panel, "datasource", "uid")).as("%s", at(panel, "title")).isEqualTo(datasource.get("uid"));
        }
        String queries = panels.stream().flatMap(p -> list(p, "targets").stream())
                .map(t -> String.valueOf(at(t, "expr"))).collect(Collectors.joining("\n"));
        assertThat(queries)
                .as("request rate").contains("rate(http_server_requests_seconds_count")
                .as("latency percentiles from buckets").contains("histogram_quantile(0.95", "http_server_requests_seconds_bucket")
                .as("batch sizes").contains("seqserve_batch_size_bucket")
                .as("errors").containsPattern("status=~\"[^\"]*5\\.\\.");
    }
}
