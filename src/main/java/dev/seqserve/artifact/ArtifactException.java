package dev.seqserve.artifact;

import java.nio.file.Path;

/** An artifact folder that cannot be used, naming the folder, the file and the reason. */
public class ArtifactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path folder;
    private final String file;
    private final String reason;

    /**
     * @param folder the artifact folder
     * @param file the file inside it that is at fault
     * @param reason what is wrong, as a sentence fragment
     */
    public ArtifactException(Path folder, String file, String reason) {
        this(folder, file, reason, null);
    }

    /**
     * @param folder the artifact folder
     * @param file the file inside it that is at fault
     * @param reason what is wrong, as a sentence fragment
     * @param cause the underlying error
     */
    public ArtifactException(Path folder, String file, String reason, Throwable cause) {
        super("Model artifact " + folder + ": " + file + ": " + reason, cause);
        this.folder = folder;
        this.file = file;
        this.reason = reason;
    }

    /** What is wrong with the file, without the folder and file names (for answers that must not show paths). */
    public String reason() {
        return reason;
    }

    /** The artifact folder at fault. */
    public Path folder() {
        return folder;
    }

    /** The file inside the folder at fault. */
    public String file() {
        return file;
    }
}
