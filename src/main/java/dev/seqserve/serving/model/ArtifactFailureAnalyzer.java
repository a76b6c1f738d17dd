package dev.seqserve.serving.model;

import dev.seqserve.artifact.ArtifactException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad model artifact at start-up into one message naming the folder, the file and the reason. */
final class ArtifactFailureAnalyzer extends AbstractFailureAnalyzer<ArtifactException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ArtifactException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix or re-export the model in " + cause.folder() + " (file " + cause.file()
                        + "), or move that folder out of seqserve.models.location.",
                cause);
    }
}
