package dev.seqserve.serving.model;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing or empty model location at start-up in one message. */
final class ModelLocationFailureAnalyzer extends AbstractFailureAnalyzer<ModelLocationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModelLocationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Point seqserve.models.location at a folder holding one sub-folder per model artifact.", cause);
    }
}
