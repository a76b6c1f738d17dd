package dev.seqserve.serving.web;

/**
 * A request refused with a problem of a given type: input a service finds the model cannot take, or a
 * credential the security layer refuses.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;

    /**
     * @param type the kind of problem, a 4xx one
     * @param detail a sentence for the client about this occurrence
     */
    public InvalidInputException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    /** The kind of problem. */
    public ProblemType type() {
        return type;
    }
}
