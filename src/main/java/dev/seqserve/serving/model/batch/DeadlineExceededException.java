package dev.seqserve.serving.model.batch;

import java.time.Duration;

/** A request that waited longer than its deadline without starting, so it was not run. */
public final class DeadlineExceededException extends RequestRejectedException {

    DeadlineExceededException(Duration deadline, long retryAfterSeconds) {
        super("the request did not start within its deadline of " + deadline.toMillis() + " ms", retryAfterSeconds);
    }
}
