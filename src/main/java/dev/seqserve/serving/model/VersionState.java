package dev.seqserve.serving.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One version of a model as {@code GET /models/{name}} lists it.
 *
 * @param version its name
 * @param state {@code serving}, {@code available} (on disk, not loaded) or {@code failed}
 * @param created when it was trained, from its manifest; absent when the manifest cannot be read
 * @param stage for a failed version: {@code verify}, {@code load} or {@code warm-up}
 * @param file for a failed version: the file at fault
 * @param reason for a failed version: what is wrong
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VersionState(String version, String state, String created, String stage, String file, String reason) {

    static final String SERVING = "serving";
    static final String AVAILABLE = "available";
    static final String FAILED = "failed";

    static VersionState serving(String version, String created) {
        return new VersionState(version, SERVING, created, null, null, null);
    }

    static VersionState available(String version, String created) {
        return new VersionState(version, AVAILABLE, created, null, null, null);
    }

    static VersionState failed(String version, String created, VersionFailure failure) {
        return new VersionState(version, FAILED, created, failure.stage(), failure.file(), failure.reason());
    }
}
