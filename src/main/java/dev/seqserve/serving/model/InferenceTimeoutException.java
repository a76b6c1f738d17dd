package dev.seqserve.serving.model;

import java.time.Duration;

/** A request's inference did not finish within the request timeout. */
public final class InferenceTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InferenceTimeoutException(String model, Duration timeout) {
        super("Model " + model + " did not answer within " + timeout.toMillis() + " ms.", null, false, false);
    }
}
