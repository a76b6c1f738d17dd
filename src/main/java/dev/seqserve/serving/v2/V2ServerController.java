package dev.seqserve.serving.v2;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server-wide V2 endpoints: metadata ({@code GET /v2}), liveness and readiness, which answer
 * 200 or 503 with {@code {"live": …}} / {@code {"ready": …}} as KServe's own server does, following the
 * same state as the Actuator probes.
 */
@RestController
class V2ServerController {

    /** The server's name in {@code GET /v2}. */
    static final String NAME = "seqserve";

    private final V2Models models;
    private final ServerMetadata metadata;

    V2ServerController(V2Models models, ObjectProvider<BuildProperties> build) {
        this.models = models;
        BuildProperties properties = build.getIfAvailable();
        this.metadata = new ServerMetadata(NAME, properties == null ? "unknown" : properties.getVersion(), List.of());
    }

    @GetMapping(path = {"/v2", "/v2/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ServerMetadata metadata() {
        return metadata;
    }

    @GetMapping(path = "/v2/health/live", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Live> live() {
        boolean live = models.live();
        return ResponseEntity.status(live ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(new Live(live));
    }

    @GetMapping(path = "/v2/health/ready", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Ready> ready() {
        boolean ready = models.ready();
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(new Ready(ready));
    }

    /**
     * The answer of {@code GET /v2} ({@code $metadata_server_response}).
     *
     * @param name the server's name
     * @param version the service's version
     * @param extensions the protocol extensions it supports: none
     */
    record ServerMetadata(String name, String version, List<String> extensions) {}

    /** @param live whether the server answers requests */
    record Live(boolean live) {}

    /** @param ready whether every model takes inference requests */
    record Ready(boolean ready) {}
}
