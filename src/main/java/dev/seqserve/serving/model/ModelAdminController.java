package dev.seqserve.serving.model;

import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API (bearer token, see {@code SecurityConfiguration}): reload a model, pin a version, drop
 * the pin. Each answers the model as {@code GET /models/{name}} describes it afterwards. Only present
 * when {@code seqserve.admin.token} is set.
 */
@RestController
@Conditional(AdminApiEnabled.class)
@RequestMapping(path = "/admin/models/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
class ModelAdminController {

    private static final Logger log = LoggerFactory.getLogger(ModelAdminController.class);

    private final ModelRegistry registry;

    ModelAdminController(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Serves the pinned or newest version once it has verified, loaded and warmed up. */
    @PostMapping("/reload")
    ModelDescription reload(@PathVariable String name) {
        ModelDescription model = ModelDescription.of(registry.reload(name));
        log.info("Admin: reloaded model {}; version {} serves", model.name(), model.version());
        return model;
    }

    /** Serves the named version, and keeps it through reloads. */
    @PostMapping(path = "/pin", consumes = MediaType.APPLICATION_JSON_VALUE)
    ModelDescription pin(@PathVariable String name, @Valid @RequestBody PinRequest request) {
        ModelDescription model = ModelDescription.of(registry.pin(name, request.version()));
        log.info("Admin: pinned model {} to version {}", model.name(), model.version());
        return model;
    }

    /** Drops the pin and reloads, so the newest version serves. */
    @DeleteMapping("/pin")
    ModelDescription unpin(@PathVariable String name) {
        ModelDescription model = ModelDescription.of(registry.unpin(name));
        log.info("Admin: unpinned model {}; version {} serves", model.name(), model.version());
        return model;
    }
}
