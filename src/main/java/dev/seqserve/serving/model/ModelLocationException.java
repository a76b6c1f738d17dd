package dev.seqserve.serving.model;

/** The configured model location is missing, not a folder, or holds no model. */
public final class ModelLocationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ModelLocationException(String message) {
        super(message);
    }
}
