package dev.seqserve.serving.model;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The seam between a model and its session: one input in, its own result out, whether the input runs
 * alone or inside a micro-batch.
 */
interface Inference<I, O> extends AutoCloseable {

    /**
     * Starts the inputs of one request; each gets its own future, in order. A request of one input may
     * run on the calling thread, in which case its future is complete on return.
     */
    List<CompletableFuture<O>> submitAll(List<I> inputs);

    /** Stops accepting inputs; those already accepted still complete. */
    @Override
    void close();
}
