package dev.seqserve.serving.v2;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v2/models/{name}} ({@code $metadata_model_response}).
 *
 * @param name the model's name
 * @param versions the versions a request may name: the serving one
 * @param platform the framework that runs the graph
 * @param inputs the input tensors a request sends
 * @param outputs the output tensors an answer holds
 * @param properties what else a client needs to know, such as a forecaster's horizon range
 */
record ModelMetadata(String name, List<String> versions, String platform, List<Tensor> inputs, List<Tensor> outputs,
        Map<String, String> properties) {

    /** ONNX models run by ONNX Runtime, in the specification's spelling. */
    static final String PLATFORM = "onnx_onnxv1";

    /**
     * A tensor's description ({@code $metadata_tensor}).
     *
     * @param name its name
     * @param datatype its element type
     * @param shape its dimensions, {@code -1} where they vary
     */
    record Tensor(String name, String datatype, long[] shape) {}
}
