package dev.seqserve.serving.web;

/** Input that cannot be answered, thrown by services for checks that depend on the model. */
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
