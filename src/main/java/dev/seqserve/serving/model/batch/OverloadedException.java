package dev.seqserve.serving.model.batch;

/** A request refused at once because the batcher's queue is full. */
public final class OverloadedException extends RequestRejectedException {

    OverloadedException(int capacity, long retryAfterSeconds) {
        super("the queue is full (" + capacity + " requests waiting)", retryAfterSeconds);
    }
}
