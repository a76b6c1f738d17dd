package dev.seqserve.serving.model;

/** ONNX Runtime failed to run a batch, or the result did not have the expected shape. */
public final class InferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
