package dev.seqserve.serving.v2;

import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a request's input tensor against what a task takes: the one input it names, its datatype and
 * the rank of its shape ({@link TensorData} reads its data). Every mismatch is a 400 whose message
 * names the input.
 */
final class Tensors {

    static final String BYTES = "BYTES";
    static final String FP32 = "FP32";
    static final String FP64 = "FP64";

    private Tensors() {}

    /**
     * The request's only input, which must be named {@code name}.
     *
     * @throws InvalidInputException when it is missing, given twice, or beside an input of another name
     */
    static InferenceRequest.Input only(InferenceRequest request, String name) {
        List<InferenceRequest.Input> inputs = request.inputs();
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidInputException(ProblemType.MISSING_FIELD,
                    "The request has no inputs; send the input \"" + name + "\".");
        }
        InferenceRequest.Input found = null;
        for (int i = 0; i < inputs.size(); i++) {
            InferenceRequest.Input input = inputs.get(i);
            if (input == null || input.name() == null) {
                throw new InvalidInputException(ProblemType.MISSING_FIELD, "Input " + i + " has no name.");
            }
            if (!input.name().equals(name)) {
                throw new InvalidInputException(ProblemType.INVALID_REQUEST, "The model has no input \""
                        + shown(input.name()) + "\"; its only input is \"" + name + "\".");
            }
            if (found != null) {
                throw new InvalidInputException(ProblemType.INVALID_REQUEST, "The input \"" + name + "\" is given twice.");
            }
            found = input;
        }
        return found;
    }

    /**
     * The input's datatype, one of {@code allowed}.
     *
     * @throws InvalidInputException when it is missing or another
     */
    static String datatype(InferenceRequest.Input input, String... allowed) {
        String datatype = input.datatype();
        if (datatype == null) {
            throw new InvalidInputException(ProblemType.MISSING_FIELD, "Input \"" + input.name() + "\" has no datatype.");
        }
        if (!Arrays.asList(allowed).contains(datatype)) {
            throw new InvalidInputException(ProblemType.WRONG_TYPE, "Input \"" + input.name() + "\" must have datatype "
                    + String.join(" or ", allowed) + ", not " + shown(datatype) + ".");
        }
        return datatype;
    }

    /**
     * The input's shape, of {@code rank} dimensions, none negative.
     *
     * @param form how the task writes the shape, such as {@code [n, length]}
     * @throws InvalidInputException when it is missing or has another rank or a negative dimension
     */
    static long[] shape(InferenceRequest.Input input, int rank, String form) {
        long[] shape = input.shape();
        if (shape == null) {
            throw new InvalidInputException(ProblemType.MISSING_FIELD, "Input \"" + input.name() + "\" has no shape.");
        }
        if (shape.length != rank || Arrays.stream(shape).anyMatch(d -> d < 0)) {
            throw new InvalidInputException(ProblemType.INVALID_REQUEST, "Input \"" + input.name() + "\" must have shape "
                    + form + ", not " + Arrays.toString(shape) + ".");
        }
        return shape;
    }

    /** A client's string, cut short so a message never echoes a long one. */
    static String shown(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }
}
