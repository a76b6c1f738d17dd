package dev.seqserve.serving.model;

import dev.seqserve.serving.model.batch.MicroBatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Inference through a model's micro-batcher, so concurrent requests share session runs. */
final class BatchedInference<I, O> implements Inference<I, O> {

    private final MicroBatcher<I, O> batcher;

    BatchedInference(MicroBatcher<I, O> batcher) {
        this.batcher = batcher;
    }

    @Override
    public List<CompletableFuture<O>> submitAll(List<I> inputs) {
        if (inputs.size() == 1) {
            // The caller would only wait for it, so it runs in place when the model is idle.
            return List.of(batcher.runOrSubmit(inputs.get(0)));
        }
        // Several inputs queue together so that they can share batches.
        List<CompletableFuture<O>> futures = new ArrayList<>(inputs.size());
        for (I input : inputs) {
            futures.add(batcher.submit(input));
        }
        return futures;
    }

    @Override
    public void close() {
        batcher.close();
    }
}
