package dev.seqserve.serving;

import dev.seqserve.serving.model.ModelMetrics;
import dev.seqserve.serving.model.ModelRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.stereotype.Service;

/** The model layer and the services for a web slice: the fixture models, loaded and warm. */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan(basePackages = "dev.seqserve.serving", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Service.class))
public class FixtureRegistryConfiguration {

    @Bean
    ModelMetrics modelMetrics() {
        return new ModelMetrics(new SimpleMeterRegistry());
    }

    @Bean(destroyMethod = "close")
    ModelRegistry modelRegistry(SeqserveProperties properties, ModelMetrics metrics) {
        ModelRegistry registry = ModelRegistry.load(properties, metrics, metrics);
        registry.open();
        return registry;
    }
}
