package dev.seqserve.serving.web;

/** A request the security layer refused: no credential, a wrong one, or one of the wrong kind. */
public final class AccessRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;

    /**
     * @param type {@link ProblemType#UNAUTHORIZED} or {@link ProblemType#FORBIDDEN}
     * @param detail a sentence for the client
     */
    public AccessRefusedException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    /** The kind of problem. */
    public ProblemType type() {
        return type;
    }
}
