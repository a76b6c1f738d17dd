package dev.seqserve.serving.model;

/** A request named a model that is not loaded. */
public final class UnknownModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnknownModelException(String message) {
        super(message, null, false, false);
    }

    static UnknownModelException named(String name) {
        String shown = name.length() > 100 ? name.substring(0, 100) + "…" : name;
        return new UnknownModelException("No model named \"" + shown + "\" is loaded; GET /models lists them.");
    }
}
