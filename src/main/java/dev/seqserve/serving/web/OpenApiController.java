package dev.seqserve.serving.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the API contract, {@code openapi.yaml}, which Swagger UI ({@code /swagger-ui.html}) displays:
 * from the classpath in a packaged jar, else from the working directory (running from the source tree).
 */
@RestController
class OpenApiController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final byte[] spec;

    OpenApiController() {
        this.spec = load();
    }

    @GetMapping(path = "/openapi.yaml", produces = "application/yaml")
    ResponseEntity<byte[]> spec() {
        return ResponseEntity.ok().contentType(YAML).body(spec);
    }

    private static byte[] load() {
        ClassPathResource resource = new ClassPathResource("openapi.yaml");
        try {
            if (resource.exists()) {
                try (InputStream in = resource.getInputStream()) {
                    return in.readAllBytes();
                }
            }
            Path file = Path.of("openapi.yaml");
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi.yaml", e);
        }
        return "openapi: 3.1.0\ninfo: {title: seqserve, version: unknown, description: openapi.yaml was not packaged}\npaths: {}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
