package dev.seqserve.serving.model;

import dev.seqserve.serving.model.batch.MicroBatcher;
import java.util.concurrent.CompletableFuture;

/** Inference through a model's micro-batcher, so concurrent requests share session runs. */
final class BatchedInference<I, O> implements Inference<I, O> {

    private final MicroBatcher<I, O> batcher;

    BatchedInference(MicroBatcher<I, O> batcher) {
        this.batcher = batcher;
    }

    @Override
    public CompletableFuture<O> submit(I input) {
        return batcher.submit(input);
    }

    @Override
    public void close() {
        batcher.close();
    }
}
