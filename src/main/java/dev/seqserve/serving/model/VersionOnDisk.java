package dev.seqserve.serving.model;

import dev.seqserve.artifact.ArtifactException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;

/**
 * One version of a model as found on disk, before it is verified.
 *
 * @param model the model's name, its folder's name
 * @param version the version's name: its sub-folder's name, or the manifest's {@code version} when the
 *     model folder is itself one artifact
 * @param folder where its files are
 * @param created when it was trained, from its manifest; {@code null} when the manifest cannot be read
 * @param fingerprint the names, sizes and modification times of its files, so any change shows
 * @param unreadable why its manifest cannot be read, else {@code null}
 */
record VersionOnDisk(String model, String version, Path folder, Instant created, String fingerprint,
        ArtifactException unreadable) {

    /**
     * Oldest first: by {@code created}, then by name. A version whose manifest cannot be read ranks
     * newest, so that a reload reports it instead of passing over it.
     */
    static final Comparator<VersionOnDisk> AGE = Comparator
            .comparing(VersionOnDisk::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(VersionOnDisk::version);
}
