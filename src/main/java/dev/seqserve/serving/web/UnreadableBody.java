package dev.seqserve.serving.web;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Collection;
import java.util.Map;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Tells apart why a request body could not be read: too large, no room to hold it, not JSON, or JSON of the wrong shape. */
final class UnreadableBody {

    private UnreadableBody() {}

    /**
     * @param type the kind of problem
     * @param detail a sentence for the client that does not echo the body
     */
    record Verdict(ProblemType type, String detail) {}

    static Verdict judge(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return new Verdict(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
            if (cause instanceof BodiesBufferFullException full) {
                return new Verdict(ProblemType.OVERLOADED, full.getMessage() + " Retry after 1 s.");
            }
            if (cause instanceof SocketTimeoutException) {
                return new Verdict(ProblemType.REQUEST_TIMEOUT, "The request body did not arrive in time.");
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                // the connection, not the JSON: broken chunks, a body shorter than its Content-Length
                return new Verdict(ProblemType.MALFORMED_REQUEST, "The request body could not be read to its end.");
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch) {
                return new Verdict(ProblemType.WRONG_TYPE, wrongType(mismatch));
            }
            if (cause instanceof JacksonException json) {
                return new Verdict(ProblemType.MALFORMED_JSON, "The request body is not valid JSON"
                        + (json.getLocation() == null ? "." : " (line " + json.getLocation().getLineNr()
                        + ", column " + json.getLocation().getColumnNr() + ")."));
            }
        }
        return new Verdict(ProblemType.MALFORMED_JSON, "The request body is missing or empty; send a JSON object.");
    }

    private static String wrongType(MismatchedInputException e) {
        String path = path(e);
        String expected = describe(e.getTargetType());
        if (path.isEmpty()) {
            return "The request body must be " + expected + ".";
        }
        return "Field \"" + path + "\" must be " + expected + ".";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        } else if (type == String.class) {
            return "a string";
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        } else if (type == double[].class) {
            return "an array of numbers";
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        return "of another type";
    }
}
