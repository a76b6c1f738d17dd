package dev.seqserve.serving.v2;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.serving.model.ModelRegistry;
import dev.seqserve.serving.model.ModelVersion;
import dev.seqserve.serving.model.ServedModel;
import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Service;

/**
 * The registry's models as V2 sees them: each model's task tensors, its metadata, whether it is ready,
 * and inference with the outputs a request selects. A model or version the registry does not serve
 * is a 404, as on the task endpoints.
 */
@Service
class V2Models {

    private final ModelRegistry registry;
    private final Map<Manifest.Task, TaskTensors> tasks = new EnumMap<>(Manifest.Task.class);
    private final ObjectProvider<ApplicationAvailability> availability;

    V2Models(ModelRegistry registry, List<TaskTensors> tasks, ObjectProvider<ApplicationAvailability> availability) {
        this.registry = registry;
        tasks.forEach(t -> this.tasks.put(t.task(), t));
        for (Manifest.Task task : Manifest.Task.values()) {
            if (!this.tasks.containsKey(task)) {
                throw new IllegalStateException("No V2 tensors for the task " + task);
            }
        }
        this.availability = availability;
    }

    /**
     * @param version the version the path names, or {@code null} for the serving one
     * @throws dev.seqserve.serving.model.UnknownModelException when no such model is loaded
     * @throws dev.seqserve.serving.model.UnknownVersionException when {@code version} is not the serving one
     */
    ModelMetadata metadata(String name, String version) {
        ServedModel model = registry.model(name);
        ModelVersion<?, ?, ?> serving = model.serving(version);
        TaskTensors task = tasks.get(model.task());
        return new ModelMetadata(model.name(), List.of(serving.ref().version()), ModelMetadata.PLATFORM, task.inputs(),
                task.outputs(), task.properties(serving.manifest()));
    }

    /** Checks that the model and version exist; they are ready when the server is. */
    boolean modelReady(String name, String version) {
        registry.model(name).serving(version);
        return ready();
    }

    /** Every model loaded and warmed, and the application taking traffic (as the readiness probe says). */
    boolean ready() {
        ApplicationAvailability state = availability.getIfAvailable();
        return registry.isOpen() && (state == null || state.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
    }

    /** The application's liveness, as the liveness probe says. */
    boolean live() {
        ApplicationAvailability state = availability.getIfAvailable();
        return state == null || state.getLivenessState() == LivenessState.CORRECT;
    }

    /**
     * Runs an inference request and keeps the outputs it asks for.
     *
     * @throws InvalidInputException when it asks for an output the model does not have, or its inputs do not suit
     */
    InferenceResponse infer(String name, String version, InferenceRequest request) {
        TaskTensors task = tasks.get(registry.model(name).task());
        Set<String> wanted = wanted(request, task, name);
        TaskTensors.Inferred inferred = task.infer(name, version, request);
        List<InferenceResponse.Output> outputs = inferred.outputs().stream()
                .filter(o -> wanted.isEmpty() || wanted.contains(o.name()))
                .toList();
        return new InferenceResponse(inferred.model().name(), inferred.model().version(), request.id(), outputs);
    }

    /** The output names a request asks for; empty for all. */
    private static Set<String> wanted(InferenceRequest request, TaskTensors task, String model) {
        Set<String> names = new LinkedHashSet<>();
        if (request.outputs() == null) {
            return names;
        }
        Set<String> known = task.outputs().stream().map(ModelMetadata.Tensor::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (InferenceRequest.RequestedOutput output : request.outputs()) {
            if (output == null || output.name() == null) {
                throw new InvalidInputException(ProblemType.MISSING_FIELD, "Every requested output needs a name.");
            }
            if (!known.contains(output.name())) {
                throw new InvalidInputException(ProblemType.INVALID_REQUEST, "Model " + model + " has no output \""
                        + Tensors.shown(output.name()) + "\"; its outputs are " + String.join(", ", known) + ".");
            }
            names.add(output.name());
        }
        return names;
    }
}
