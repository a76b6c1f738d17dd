package dev.seqserve.serving.model.batch;

/**
 * A request the batcher did not run because the service is too busy; callers answer 503 with a
 * {@code Retry-After} header.
 */
public abstract class RequestRejectedException extends RuntimeException {

    private final long retryAfterSeconds;

    RequestRejectedException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** How many seconds a client should wait before trying again; at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
