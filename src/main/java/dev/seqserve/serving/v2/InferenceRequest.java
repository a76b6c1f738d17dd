package dev.seqserve.serving.v2;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v2/models/{name}/infer} ({@code $inference_request}); the task's tensors
 * check the contents.
 *
 * @param id an identifier the answer repeats
 * @param parameters request parameters, such as a forecast's {@code horizon}
 * @param inputs the input tensors
 * @param outputs the outputs wanted; all when absent or empty
 */
record InferenceRequest(String id, Map<String, JsonNode> parameters, List<Input> inputs, List<RequestedOutput> outputs) {

    /**
     * One input tensor ({@code $request_input}).
     *
     * @param name the tensor's name
     * @param shape its dimensions
     * @param datatype its element type, such as {@code BYTES} or {@code FP32}
     * @param parameters input parameters (none is used)
     * @param data its elements, row-major, nested or flat
     */
    record Input(String name, long[] shape, String datatype, Map<String, JsonNode> parameters, JsonNode data) {}

    /**
     * An output the client wants ({@code $request_output}).
     *
     * @param name the output's name
     * @param parameters output parameters (none is used)
     */
    record RequestedOutput(String name, Map<String, JsonNode> parameters) {}
}
