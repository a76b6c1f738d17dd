package dev.seqserve.serving.model;

import dev.seqserve.serving.SeqserveProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and warms the models at start-up, opens readiness once the server is up, polls, closes them at shutdown. */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean
    ModelMetrics modelMetrics(MeterRegistry meterRegistry) {
        return new ModelMetrics(meterRegistry);
    }

    /**
     * Every {@link SessionListener} bean (the metrics among them) hears of every session. Closed after
     * the web server has stopped and in-flight requests have finished (graceful shutdown).
     */
    @Bean(destroyMethod = "close")
    ModelRegistry modelRegistry(SeqserveProperties properties, ModelMetrics metrics,
            ObjectProvider<SessionListener> listeners) {
        return ModelRegistry.load(properties, metrics, SessionListener.all(listeners.orderedStream().toList()));
    }

    /** Runs after the web server has started; readiness stays DOWN until then. */
    @Bean
    ApplicationRunner modelsReady(ModelRegistry registry) {
        return args -> registry.open();
    }

    /** Stopped before the registry closes, since it depends on it. */
    @Bean(destroyMethod = "close")
    ModelFolderPoller modelFolderPoller(ModelRegistry registry, SeqserveProperties properties) {
        return ModelFolderPoller.start(registry, properties.models().pollInterval());
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
