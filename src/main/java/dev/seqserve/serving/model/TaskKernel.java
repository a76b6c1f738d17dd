package dev.seqserve.serving.model;

import java.util.List;

/**
 * What one task does with its graph, the strategy inside a {@link ModelVersion}: the cost of an input
 * in the batching queue, how a batch becomes tensors and the output becomes one result per input, and
 * which batches warm a new version up. A task that gains another kind of run (as sentiment's explained
 * reviews, {@link TokenIds#explain()}) says so in its input type and states its cost; the version, its
 * queue and its metrics stay the same.
 *
 * @param <I> one queued input, already encoded
 * @param <O> its result
 */
interface TaskKernel<I, O> {

    /** The element type of the graph's values input, as the manifest names it ({@code int64}, {@code float}). */
    String valuesType();

    /** What the input costs in the queue: batches group inputs of similar cost. */
    int cost(I input);

    /** Runs one batch; the i-th result belongs to the i-th input. */
    List<O> run(GraphCall call, List<I> batch);

    /** Batches run straight on the session before a version serves: the longest input, and short ones. */
    List<List<I>> warmUpBatches();
}
