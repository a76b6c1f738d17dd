package dev.seqserve.serving.v2;

import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An input tensor's data: nested as its shape says or flat (both row-major, as the specification
 * allows), with exactly the elements the shape says, read as strings or as finite numbers.
 */
final class TensorData {

    private TensorData() {}

    /**
     * The input's elements in row-major order: its data nested as the shape says, or flat.
     *
     * @throws InvalidInputException when there is no data, or it does not hold exactly the shape's elements
     */
    static List<JsonNode> elements(InferenceRequest.Input input, long[] shape) {
        JsonNode data = input.data();
        String name = input.name();
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw new InvalidInputException(ProblemType.MISSING_FIELD, "Input \"" + name + "\" has no data.");
        }
        if (!data.isArray()) {
            throw new InvalidInputException(ProblemType.WRONG_TYPE, "The data of input \"" + name + "\" must be an array.");
        }
        List<JsonNode> elements = new ArrayList<>();
        boolean nested = false;
        for (JsonNode element : data) {
            nested |= element.isArray();
        }
        if (nested) {
            collect(data, shape, 0, name, elements);
        } else if (data.size() == count(shape)) {
            data.forEach(elements::add);
        } else {
            throw new InvalidInputException(ProblemType.INVALID_REQUEST, "Input \"" + name + "\" has shape "
                    + Arrays.toString(shape) + " but " + data.size() + " elements.");
        }
        return elements;
    }

    /** The elements as strings ({@code BYTES}). */
    static List<String> strings(InferenceRequest.Input input, List<JsonNode> elements) {
        List<String> strings = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (!element.isString()) {
                throw new InvalidInputException(ProblemType.WRONG_TYPE, "Element " + i + " of input \"" + input.name()
                        + "\" must be a string (" + Tensors.BYTES + ").");
            }
            strings.add(element.stringValue());
        }
        return strings;
    }

    /**
     * The elements as finite numbers of {@code datatype}, kept at double precision.
     *
     * @throws InvalidInputException for an element that is not a number or not finite in the datatype
     */
    static double[] numbers(InferenceRequest.Input input, List<JsonNode> elements, String datatype) {
        double[] numbers = new double[elements.size()];
        double max = datatype.equals(Tensors.FP32) ? Float.MAX_VALUE : Double.MAX_VALUE;
        for (int i = 0; i < numbers.length; i++) {
            JsonNode element = elements.get(i);
            if (!element.isNumber()) {
                throw new InvalidInputException(ProblemType.WRONG_TYPE, "Element " + i + " of input \"" + input.name()
                        + "\" must be a number (" + datatype + ").");
            }
            double value = element.doubleValue();
            if (!(Math.abs(value) <= max)) {
                throw new InvalidInputException(ProblemType.NON_FINITE_NUMBER, "Element " + i + " of input \""
                        + input.name() + "\" is not a finite " + datatype + " number.");
            }
            numbers[i] = value;
        }
        return numbers;
    }

    /** Walks nested data level by level: each level as long as the shape says, rows of one level alike. */
    private static void collect(JsonNode node, long[] shape, int depth, String name, List<JsonNode> out) {
        if (node.size() != shape[depth]) {
            throw new InvalidInputException(ProblemType.INVALID_REQUEST, "Input \"" + name + "\" has shape "
                    + Arrays.toString(shape) + " but " + node.size() + " elements in dimension " + depth + ".");
        }
        boolean last = depth == shape.length - 1;
        int rowLength = -1;
        for (JsonNode child : node) {
            if (last != !child.isArray()) {
                throw new InvalidInputException(ProblemType.INVALID_REQUEST, "The data of input \"" + name
                        + "\" must be nested " + shape.length + " deep, as its shape " + Arrays.toString(shape)
                        + ", or flat.");
            }
            if (!last && rowLength >= 0 && child.size() != rowLength) {
                throw new InvalidInputException(ProblemType.INVALID_REQUEST, "The rows of input \"" + name
                        + "\" have unequal lengths (" + rowLength + " and " + child.size() + "); all must have "
                        + shape[depth + 1] + ".");
            }
            rowLength = child.size();
        }
        for (JsonNode child : node) {
            if (last) {
                out.add(child);
            } else {
                collect(child, shape, depth + 1, name, out);
            }
        }
    }

    /** The shape's element count, or -1 when it overflows (no body holds that many). */
    private static long count(long[] shape) {
        long count = 1;
        for (long d : shape) {
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return count;
    }
}
