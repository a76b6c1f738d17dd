package dev.seqserve.serving.model;

import dev.seqserve.artifact.Manifest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /models} and {@code GET /models/{name}}: what is loaded, with metadata and metrics. */
@RestController
class ModelsController {

    private final ModelRegistry registry;

    ModelsController(ModelRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelList list() {
        Map<String, String> defaults = new TreeMap<>();
        for (Manifest.Task task : Manifest.Task.values()) {
            registry.defaultModel(task).ifPresent(name -> defaults.put(task.name().toLowerCase(Locale.ROOT), name));
        }
        return new ModelList(registry.all().stream().map(ModelDescription::of).toList(), defaults);
    }

    @GetMapping(path = "/models/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelDescription get(@PathVariable String name) {
        return ModelDescription.of(registry.find(name).orElseThrow(() -> UnknownModelException.named(name)));
    }

    /**
     * @param models every loaded model, in name order
     * @param defaults the model each task uses when a request names none
     */
    record ModelList(List<ModelDescription> models, Map<String, String> defaults) {}
}
