package dev.seqserve.serving;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.seqserve.serving.security.SecurityConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring MVC slice with every controller, the problem handler, the request size filter, the security
 * chain, the real services and the fixture models: one context that all slice tests share.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({FixtureRegistryConfiguration.class, SecurityConfiguration.class})
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
public @interface ServingSliceTest {}
