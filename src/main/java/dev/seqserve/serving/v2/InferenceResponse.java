package dev.seqserve.serving.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of {@code POST /v2/models/{name}/infer} ({@code $inference_response}).
 *
 * @param modelName the model that answered
 * @param modelVersion the version that answered
 * @param id the request's {@code id}, when it gave one
 * @param outputs the output tensors asked for, in the model's order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InferenceResponse(
        @JsonProperty("model_name") String modelName,
        @JsonProperty("model_version") String modelVersion,
        String id,
        List<Output> outputs) {

    /**
     * One output tensor ({@code $response_output}).
     *
     * @param name the tensor's name
     * @param datatype its element type
     * @param shape its dimensions
     * @param data its elements, flat and row-major: a {@code float[]}, {@code double[]} or list of strings
     */
    record Output(String name, String datatype, long[] shape, Object data) {}
}
