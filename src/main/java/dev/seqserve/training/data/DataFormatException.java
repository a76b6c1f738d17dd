package dev.seqserve.training.data;

import java.nio.file.Path;

/** Input data that cannot be used, naming the file, the line (when there is one) and the reason. */
public class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String reason;

    /**
     * @param file the file at fault
     * @param line the 1-based line where the problem starts, or 0 when it concerns the whole file
     * @param reason what is wrong, as a sentence fragment
     */
    public DataFormatException(Path file, long line, String reason) {
        this(file, line, reason, null);
    }

    /**
     * @param file the file at fault
     * @param line the 1-based line where the problem starts, or 0 when it concerns the whole file
     * @param reason what is wrong, as a sentence fragment
     * @param cause the underlying error
     */
    public DataFormatException(Path file, long line, String reason, Throwable cause) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line where the problem starts, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }

    /** What is wrong. */
    public String reason() {
        return reason;
    }
}
