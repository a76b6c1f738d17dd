package dev.seqserve.serving;

import dev.seqserve.serving.shutdown.SignalDrain;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** The seqserve inference service; component scanning starts here and stays inside {@code serving}. */
@SpringBootApplication
@EnableConfigurationProperties(SeqserveProperties.class)
public class SeqserveApplication {

    /** Runs the service; SIGTERM and SIGINT drain it before the JVM's shutdown hooks run ({@link SignalDrain}). */
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SeqserveApplication.class);
        application.addInitializers((ApplicationContextInitializer<ConfigurableApplicationContext>) SignalDrain::install);
        application.run(args);
    }
}
