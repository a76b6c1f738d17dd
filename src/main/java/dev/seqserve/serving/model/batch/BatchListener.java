package dev.seqserve.serving.model.batch;

/**
 * Receives what a {@link MicroBatcher} does, so the serving layer can record it (for example as
 * Micrometer distributions) without this package depending on a metrics library.
 *
 * <p>Methods are called on the batcher's own threads and must return quickly; an exception thrown by
 * a listener is ignored.
 */
public interface BatchListener {

    /** A listener that ignores everything. */
    BatchListener NONE = new BatchListener() { };

    /**
     * A batch has run, successfully or not.
     *
     * @param size how many requests ran in it
     * @param queueNanos how long its oldest request waited between {@code submit} and the start of the batch
     * @param runNanos how long the batch function took
     * @param failed whether the batch function threw or returned a wrong number of results
     */
    default void onBatch(int size, long queueNanos, long runNanos, boolean failed) { }

    /** A request was refused because the queue was full. */
    default void onOverloaded() { }

    /** A request failed because it did not start before its deadline. */
    default void onDeadlineExceeded() { }
}
