package dev.seqserve.deploy;

import static dev.seqserve.deploy.ProjectFiles.at;
import static dev.seqserve.deploy.ProjectFiles.env;
import static dev.seqserve.deploy.ProjectFiles.list;
import static dev.seqserve.deploy.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests under deploy/k8s parse and carry what running seqserve there needs. */
class KubernetesManifestsTest {

    private static final String APP_LABEL = "app.kubernetes.io/name";

    private static List<Map<String, Object>> documents;

    @BeforeAll
    static void readManifests() throws IOException {
        documents = ProjectFiles.yamlFolder("deploy/k8s");
    }

    private static Map<String, Object> only(String kind) {
        return ProjectFiles.only(documents, kind);
    }

    private static Map<String, Object> container() {
        return map(only("Deployment"), "spec", "template", "spec", "containers", 0);
    }

    @Test
    void everyDocumentIsAKubernetesObjectWithAName() {
        assertThat(documents).isNotEmpty();
        for (Map<String, Object> document : documents) {
            assertThat(document).containsKeys("apiVersion", "kind", "metadata", "spec");
            assertThat(at(document, "metadata", "name")).as("%s name", document.get("kind"))
                    .isEqualTo("PersistentVolumeClaim".equals(document.get("kind")) ? "seqserve-models" : "seqserve");
        }
        assertThat(documents).extracting(d -> d.get("kind"))
                .contains("Deployment", "Service", "HorizontalPodAutoscaler", "PersistentVolumeClaim");
    }

    @Test
    void deploymentSelectsItsOwnPodsAndRollsWithoutLosingCapacity() {
        Map<String, Object> deployment = only("Deployment");
        assertThat(at(deployment, "apiVersion")).isEqualTo("apps/v1");
        Map<String, Object> selector = map(deployment, "spec", "selector", "matchLabels");
        assertThat(selector).isNotEmpty();
        assertThat(map(deployment, "spec", "template", "metadata", "labels")).containsAllEntriesOf(selector);
        assertThat(at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);
    }

    @Test
    void probesUseTheActuatorHealthGroupsOnTheManagementPort() {
        Map<String, Object> container = container();
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(at(container, "startupProbe", "httpGet", "path")).isNotNull();

        Map<String, Object> api = map(container, "ports", 0);
        Map<String, Object> management = map(container, "ports", 1);
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            // their own connector: clients holding the API port's connections cannot starve them
            assertThat(at(container, probe, "httpGet", "port")).as(probe)
                    .isIn(management.get("name"), management.get("containerPort"));
        }
        assertThat(env(container)).containsEntry("SERVER_PORT", String.valueOf(api.get("containerPort")))
                .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(management.get("containerPort")));
        assertThat(management.get("containerPort")).isNotEqualTo(api.get("containerPort"));
    }

    @Test
    void containerHasRequestsAndLimitsForCpuAndMemory() {
        Map<String, Object> resources = map(container(), "resources");
        assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
        assertThat(map(resources, "limits")).containsKeys("cpu", "memory");
        assertThat(cores(at(resources, "requests", "cpu"))).isLessThanOrEqualTo(cores(at(resources, "limits", "cpu")));
    }

    @Test
    void podRunsAsTheImagesNonRootUserWithoutPrivileges() {
        Map<String, Object> podSecurity = map(only("Deployment"), "spec", "template", "spec", "securityContext");
        assertThat(podSecurity).containsEntry("runAsNonRoot", true);
        assertThat((Integer) podSecurity.get("runAsUser")).isPositive().isEqualTo(DockerfileTest.imageUid());

        Map<String, Object> containerSecurity = map(container(), "securityContext");
        assertThat(containerSecurity).containsEntry("allowPrivilegeEscalation", false);
        assertThat(list(containerSecurity, "capabilities", "drop")).contains("ALL");
        if (Boolean.TRUE.equals(containerSecurity.get("readOnlyRootFilesystem"))) {
            // The JVM extracts ONNX Runtime's native library and Tomcat keeps work files under /tmp.
            assertThat(list(container(), "volumeMounts")).extracting(m -> at(m, "mountPath")).contains("/tmp");
        }
    }

    @Test
    void threadCountsAndModelLocationComeFromTheEnvironment() {
        Map<String, Object> env = env(container());
        assertThat(env).containsKey("SEQSERVE_MODELS_LOCATION");
        // seqserve.models.intra-op-threads: ONNX Runtime would otherwise follow the node's cores.
        assertThat(env).containsKey("SEQSERVE_MODELS_INTRAOPTHREADS");
    }

    @Test
    void aNewModelVersionReachesThePodsThroughASharedVolumeAndThePoll() {
        Map<String, Object> container = container();
        Map<String, Object> env = env(container);
        Object location = env.get("SEQSERVE_MODELS_LOCATION");
        Map<String, Object> mount = list(container, "volumeMounts").stream()
                .map(m -> ProjectFiles.map(m)).filter(m -> location.equals(m.get("mountPath"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at the models location " + location));
        assertThat(mount).containsEntry("readOnly", true);
        Map<String, Object> podSpec = map(only("Deployment"), "spec", "template", "spec");
        Map<String, Object> volume = list(podSpec, "volumes").stream().map(v -> ProjectFiles.map(v))
                .filter(v -> mount.get("name").equals(v.get("name"))).findFirst().orElseThrow();
        Map<String, Object> claim = only("PersistentVolumeClaim");
        assertThat(at(volume, "persistentVolumeClaim", "claimName")).isEqualTo(at(claim, "metadata", "name"));
        assertThat(list(claim, "spec", "accessModes")).as("every pod mounts it, the publisher writes it")
                .containsExactly("ReadWriteMany");
        assertThat(env).as("seqserve.models.poll-interval").containsKey("SEQSERVE_MODELS_POLLINTERVAL");
        assertThat(String.valueOf(env.get("SEQSERVE_MODELS_POLLINTERVAL"))).matches("[1-9][0-9]*(s|m)");
        assertThat(at(env.get("SEQSERVE_ADMIN_TOKEN"), "secretKeyRef", "key")).as("the admin token comes from a Secret")
                .isEqualTo("token");
        Map<String, Object> seed = map(podSpec, "initContainers", 0);
        assertThat(list(seed, "volumeMounts")).extracting(m -> at(m, "name")).contains(mount.get("name"));
    }

    @Test
    void terminationGraceOutlastsPreStopAndGracefulShutdown() {
        Object grace = at(only("Deployment"), "spec", "template", "spec", "terminationGracePeriodSeconds");
        assertThat((Integer) grace).isGreaterThan(30);
    }

    @Test
    void serviceRoutesToTheDeploymentsNamedPort() {
        Map<String, Object> service = only("Service");
        Map<String, Object> selector = map(service, "spec", "selector");
        assertThat(selector).containsKey(APP_LABEL);
        assertThat(map(only("Deployment"), "spec", "template", "metadata", "labels")).containsAllEntriesOf(selector);
        assertThat(at(service, "spec", "ports", 0, "targetPort"))
                .isIn(at(container(), "ports", 0, "name"), at(container(), "ports", 0, "containerPort"));
    }

    @Test
    void autoscalerScalesTheDeploymentOnCpuFromAtLeastTwoReplicas() {
        Map<String, Object> hpa = only("HorizontalPodAutoscaler");
        assertThat(at(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(map(hpa, "spec", "scaleTargetRef"))
                .containsEntry("kind", "Deployment")
                .containsEntry("name", at(only("Deployment"), "metadata", "name"));
        int min = (Integer) at(hpa, "spec", "minReplicas");
        int max = (Integer) at(hpa, "spec", "maxReplicas");
        assertThat(min).isGreaterThanOrEqualTo(2);
        assertThat(max).isGreaterThan(min);
        assertThat(list(hpa, "spec", "metrics"))
                .anySatisfy(metric -> assertThat(at(metric, "resource", "name")).isEqualTo("cpu"));
    }

    private static double cores(Object quantity) {
        String text = String.valueOf(quantity);
        return text.endsWith("m") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 1000
                : Double.parseDouble(text);
    }
}
