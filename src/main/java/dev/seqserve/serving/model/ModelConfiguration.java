package dev.seqserve.serving.model;

import dev.seqserve.serving.SeqserveProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the models at start-up, warms them up before traffic, and closes them at shutdown. */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean
    ModelMetrics modelMetrics(MeterRegistry meterRegistry) {
        return new ModelMetrics(meterRegistry);
    }

    /** Closed after the web server has stopped and in-flight requests have finished (graceful shutdown). */
    @Bean(destroyMethod = "close")
    ModelRegistry modelRegistry(SeqserveProperties properties, ModelMetrics metrics) {
        return ModelRegistry.load(properties, metrics);
    }

    /**
     * Runs after the web server has started and before the application reports ready, so readiness
     * stays DOWN until every model has answered once; a failure stops start-up.
     */
    @Bean
    ApplicationRunner modelWarmup(ModelRegistry registry) {
        return args -> registry.warmUp();
    }

    @Bean
    ModelsHealthIndicator modelsHealthIndicator(ModelRegistry registry) {
        return new ModelsHealthIndicator(registry);
    }

    @Bean
    ModelsInfoContributor modelsInfoContributor(ModelRegistry registry) {
        return new ModelsInfoContributor(registry);
    }
}
