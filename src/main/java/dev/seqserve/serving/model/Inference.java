package dev.seqserve.serving.model;

import java.util.concurrent.CompletableFuture;

/**
 * The seam between a model and its session: one input in, its own result out, whether the input runs
 * alone or inside a micro-batch.
 */
interface Inference<I, O> extends AutoCloseable {

    CompletableFuture<O> submit(I input);

    /** Stops accepting inputs; those already accepted still complete. */
    @Override
    void close();
}
