package dev.seqserve.serving.model;

import dev.seqserve.artifact.ArtifactException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Why a version was refused, in words a client may see: the file at fault and the reason, with the
 * machine's paths cut down to the part below the model location.
 *
 * @param stage {@code verify} (manifest, checksums, names), {@code load} (vocabulary, session, graph
 *     signature) or {@code warm-up} (the first runs)
 * @param file the file at fault, relative to the version's folder
 * @param reason what is wrong with it
 * @param fingerprint the version's files when it failed; a change to them clears the failure
 * @param at when it failed
 */
record VersionFailure(String stage, String file, String reason, String fingerprint, Instant at) {

    static final String VERIFY = "verify";
    static final String LOAD = "load";
    static final String WARM_UP = "warm-up";

    /** The failure {@code e} describes, its paths shown relative to {@code location}. */
    static VersionFailure of(String stage, ArtifactException e, Path location, String fingerprint) {
        String reason = e.reason();
        return new VersionFailure(stage, e.file(), withoutPaths(reason, location), fingerprint, Instant.now());
    }

    /** Removes the model location's absolute path (and so every path above it) from a message. */
    static String withoutPaths(String message, Path location) {
        String root = location.toAbsolutePath().normalize().toString();
        return message.replace(root + java.io.File.separator, "").replace(root, ".");
    }
}
