package dev.seqserve.training.data;

import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest;
import java.nio.file.Path;

/** Where the shared data lives and how a data file is recorded in a manifest. */
public final class DataFiles {

    /** System property that overrides the data folder. */
    public static final String PROPERTY = "seqserve.data";
    /** The data folder relative to the project folder when the property is not set. */
    public static final String DEFAULT = "../shared/data";

    private DataFiles() {}

    /**
     * @return the data folder: the {@value #PROPERTY} system property if set, else {@value #DEFAULT}
     *     resolved against the working directory (the project folder under Maven); it may not exist
     */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        Path root = configured == null || configured.isBlank() ? Path.of(DEFAULT) : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }

    /**
     * Describes a data file for the manifest, with its SHA-256 and its path relative to the data
     * folder when it lies inside it (so manifests do not depend on where the data was mounted).
     *
     * @param file the file
     * @param role what it was used for, e.g. {@code train} or {@code dev}
     */
    public static Manifest.DataFile describe(Path file, String role) {
        return describe(file, Checksums.sha256(file), role);
    }

    /** Like {@link #describe(Path, String)} with a checksum already computed, e.g. a {@link ReviewSet}'s. */
    public static Manifest.DataFile describe(Path file, String sha256, String role) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = root();
        String path = absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
        return new Manifest.DataFile(path.replace('\\', '/'), sha256, role);
    }
}
