package dev.seqserve.serving.v2;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The per-model V2 endpoints, each with and without {@code /versions/{version}} (a version other than
 * the serving one is a 404): metadata, readiness and inference.
 */
@RestController
class V2ModelController {

    private final V2Models models;

    V2ModelController(V2Models models) {
        this.models = models;
    }

    @GetMapping(path = {"/v2/models/{name}", "/v2/models/{name}/versions/{version}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ModelMetadata metadata(@PathVariable String name, @PathVariable(required = false) String version) {
        return models.metadata(name, version);
    }

    /** 200 when ready, 503 while the service starts or shuts down; the body says which either way. */
    @GetMapping(path = {"/v2/models/{name}/ready", "/v2/models/{name}/versions/{version}/ready"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ModelReady> ready(@PathVariable String name, @PathVariable(required = false) String version) {
        boolean ready = models.modelReady(name, version);
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(new ModelReady(name, ready));
    }

    @PostMapping(path = {"/v2/models/{name}/infer", "/v2/models/{name}/versions/{version}/infer"},
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    InferenceResponse infer(@PathVariable String name, @PathVariable(required = false) String version,
            @RequestBody InferenceRequest request) {
        return models.infer(name, version, request);
    }

    /**
     * The answer of the model ready endpoint ({@code $ready_model_response}).
     *
     * @param name the model's name
     * @param ready whether it takes inference requests
     */
    record ModelReady(String name, boolean ready) {}
}
