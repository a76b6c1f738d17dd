package dev.seqserve.serving.v2;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.serving.model.ModelRef;
import java.util.List;
import java.util.Map;

/**
 * How the models of one task speak V2: the tensors they take and give, and how an inference request
 * becomes that task's own request, answered by the task's service.
 */
interface TaskTensors {

    /** The task whose models this describes. */
    Manifest.Task task();

    /** The input tensors a request sends. */
    List<ModelMetadata.Tensor> inputs();

    /** The output tensors an answer holds, in the order answers give them. */
    List<ModelMetadata.Tensor> outputs();

    /** What else a client needs to know about a version, such as a forecaster's horizon range. */
    Map<String, String> properties(Manifest manifest);

    /**
     * Runs one inference request.
     *
     * @param model the model's name
     * @param version the version the path names, or {@code null}
     * @throws dev.seqserve.serving.web.InvalidInputException when the tensors do not suit the task
     */
    Inferred infer(String model, String version, InferenceRequest request);

    /**
     * The answer to an inference request.
     *
     * @param model the version that answered
     * @param outputs every output, in the order of {@link #outputs()}
     */
    record Inferred(ModelRef model, List<InferenceResponse.Output> outputs) {}
}
