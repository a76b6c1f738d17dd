package dev.seqserve.serving.model;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code models}, in the readiness group: DOWN until the models are loaded, warm
 * and the server is up; UP from then on, through reloads (the serving version answers meanwhile).
 */
final class ModelsHealthIndicator implements HealthIndicator {

    private final ModelRegistry registry;

    ModelsHealthIndicator(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Map<String, String> versions = new TreeMap<>();
        registry.all().forEach(m -> versions.put(m.name(), m.serving().ref().version()));
        Health.Builder health = registry.isOpen() ? Health.up() : Health.down().withDetail("reason", "starting");
        return health.withDetail("models", versions).build();
    }
}
