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

/**
 * Issue 13, acceptance 5: the KServe manifests under {@code deploy/k8s/kserve} parse and carry what
 * KServe requires (the fields of its {@code ServingRuntime} and {@code InferenceService} CRDs,
 * {@code serving.kserve.io/v1alpha1} and {@code v1beta1}), and they fit together and with seqserve:
 * the InferenceService names the runtime, a model format and protocol it supports, and a model
 * volume that the runtime's container reads where KServe mounts it; the probes are V2 paths the
 * contract documents, on the one port.
 */
class KServeManifestsTest {

    /** Where KServe mounts an InferenceService's {@code storageUri} in the model server's container. */
    private static final String KSERVE_MODEL_MOUNT = "/mnt/models";

    private static List<Map<String, Object>> documents;

    @BeforeAll
    static void readManifests() throws IOException {
        documents = ProjectFiles.yamlFolder("deploy/k8s/kserve");
    }

    private static Map<String, Object> only(String kind) {
        return ProjectFiles.only(documents, kind);
    }

    private static Map<String, Object> container() {
        return map(only("ServingRuntime"), "spec", "containers", 0);
    }

    @Test
    void theFolderHoldsAServingRuntimeAndAnInferenceServiceOfKServesApiVersions() {
        assertThat(documents).extracting(d -> d.get("kind")).containsExactlyInAnyOrder("ServingRuntime", "InferenceService");
        assertThat(only("ServingRuntime")).containsEntry("apiVersion", "serving.kserve.io/v1alpha1");
        assertThat(only("InferenceService")).containsEntry("apiVersion", "serving.kserve.io/v1beta1");
        for (Map<String, Object> document : documents) {
            assertThat(String.valueOf(at(document, "metadata", "name"))).as("%s name", document.get("kind"))
                    .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
    }

    @Test
    void theRuntimeRunsTheSeqserveImageSpeakingV2ForItsModelFormat() throws IOException {
        Map<String, Object> spec = map(only("ServingRuntime"), "spec");
        assertThat(list(spec, "supportedModelFormats")).isNotEmpty()
                .allSatisfy(format -> assertThat(at(format, "name")).isInstanceOf(String.class));
        assertThat(list(spec, "protocolVersions")).containsExactly("v2");
        assertThat(list(spec, "containers")).hasSize(1);
        Map<String, Object> container = container();
        assertThat(container).containsEntry("name", "kserve-container");
        Map<String, Object> deployment = ProjectFiles.yamlDocuments(ProjectFiles.file("deploy/k8s/deployment.yaml")).get(0);
        assertThat(container.get("image")).as("the image deploy/k8s runs")
                .isEqualTo(at(deployment, "spec", "template", "spec", "containers", 0, "image"));
    }

    @Test
    void theInferenceServiceUsesTheRuntimeWithAFormatAndProtocolItSupports() {
        Map<String, Object> runtime = only("ServingRuntime");
        Map<String, Object> model = map(only("InferenceService"), "spec", "predictor", "model");
        assertThat(model.get("runtime")).isEqualTo(at(runtime, "metadata", "name"));
        assertThat(list(runtime, "spec", "supportedModelFormats")).extracting(f -> at(f, "name"))
                .contains(at(model, "modelFormat", "name"));
        assertThat(list(runtime, "spec", "protocolVersions")).contains(model.get("protocolVersion"));
    }

    @Test
    void theModelVolumeIsTheModelsClaimReadWhereKServeMountsIt() throws IOException {
        Object storage = at(only("InferenceService"), "spec", "predictor", "model", "storageUri");
        Map<String, Object> claim = ProjectFiles.yamlDocuments(ProjectFiles.file("deploy/k8s/models-pvc.yaml")).get(0);
        assertThat(claim).containsEntry("kind", "PersistentVolumeClaim");
        assertThat(storage).isEqualTo("pvc://" + at(claim, "metadata", "name"));
        assertThat(env(container())).containsEntry("SEQSERVE_MODELS_LOCATION", KSERVE_MODEL_MOUNT);
    }

    @Test
    void probesAreTheDocumentedV2HealthPathsOnTheContainersOnlyPort() throws IOException {
        Map<String, Object> container = container();
        assertThat(list(container, "ports")).as("Knative allows one port").hasSize(1);
        Object port = at(container, "ports", 0, "containerPort");
        assertThat(env(container)).containsEntry("SERVER_PORT", String.valueOf(port))
                .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(port));
        Map<String, Object> openapi = ProjectFiles.yamlDocuments(ProjectFiles.file("openapi.yaml")).get(0);
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/v2/health/ready");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/v2/health/live");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Object path = at(container, probe, "httpGet", "path");
            assertThat(at(openapi, "paths", path, "get")).as("%s %s in openapi.yaml", probe, path).isNotNull();
            assertThat(at(container, probe, "httpGet", "port")).as(probe).isEqualTo(port);
        }
        assertThat(at(only("ServingRuntime"), "spec", "annotations", "prometheus.kserve.io/port")).isEqualTo(String.valueOf(port));
        Object metrics = at(only("ServingRuntime"), "spec", "annotations", "prometheus.kserve.io/path");
        assertThat(at(openapi, "paths", metrics, "get")).as("%s in openapi.yaml", metrics).isNotNull();
    }

    @Test
    void theContainerRunsAsTheImagesNonRootUserWithWritableTmp() {
        Map<String, Object> security = map(container(), "securityContext");
        assertThat(security).containsEntry("runAsNonRoot", true).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("runAsUser", DockerfileTest.imageUid());
        assertThat(list(security, "capabilities", "drop")).contains("ALL");
        assertThat(list(container(), "volumeMounts")).extracting(m -> at(m, "mountPath")).contains("/tmp");
        assertThat(list(only("ServingRuntime"), "spec", "volumes")).extracting(v -> at(v, "name"))
                .contains(at(container(), "volumeMounts", 0, "name"));
        assertThat(map(container(), "resources", "limits")).containsKeys("cpu", "memory");
    }

}
