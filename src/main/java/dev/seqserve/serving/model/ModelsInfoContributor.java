package dev.seqserve.serving.model;

import dev.seqserve.artifact.Manifest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** Adds {@code models} to {@code /actuator/info}: each model's serving version, its task, provenance and evaluation metrics. */
final class ModelsInfoContributor implements InfoContributor {

    private final ModelRegistry registry;

    ModelsInfoContributor(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> models = new TreeMap<>();
        for (ServedModel model : registry.all()) {
            models.put(model.name(), describe(model.serving().manifest()));
        }
        builder.withDetail("models", models);
    }

    private static Map<String, Object> describe(Manifest manifest) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("task", manifest.task().name().toLowerCase(Locale.ROOT));
        info.put("version", manifest.version());
        info.put("architecture", manifest.architecture());
        info.put("created", manifest.created());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Manifest.Metric metric : manifest.metrics()) {
            metrics.put(metric.name(), Map.of("value", metric.value(), "split", metric.split()));
        }
        info.put("metrics", metrics);
        if (manifest.training() != null) {
            info.put("seed", manifest.training().seed());
        }
        info.put("sha256", manifest.onnx().sha256());
        return info;
    }
}
