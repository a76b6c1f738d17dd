package dev.seqserve.serving;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The seqserve inference service; component scanning starts here and stays inside {@code serving}. */
@SpringBootApplication
@EnableConfigurationProperties(SeqserveProperties.class)
public class SeqserveApplication {

    public static void main(String[] args) {
        SpringApplication.run(SeqserveApplication.class, args);
    }
}
