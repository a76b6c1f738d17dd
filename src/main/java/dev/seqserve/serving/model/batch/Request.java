package dev.seqserve.serving.model.batch;

import java.util.concurrent.CompletableFuture;

/** One submitted input, its place in the queue and the future its caller holds. */
final class Request<I, O> {

    final I input;
    final int size;
    final long sequence;
    final long submittedNanos;
    /** Whether it arrived at an empty queue while a worker was idle, so it runs without waiting. */
    final boolean eager;
    final CompletableFuture<O> future = new CompletableFuture<>();
    /** Set, under the batcher's lock, once the request has left the queue for good. */
    boolean taken;

    Request(I input, int size, long sequence, long submittedNanos, boolean eager) {
        this.input = input;
        this.size = size;
        this.sequence = sequence;
        this.submittedNanos = submittedNanos;
        this.eager = eager;
    }

    /** Orders by size, then by arrival, so equal sizes keep their order. */
    static int compare(Request<?, ?> a, Request<?, ?> b) {
        int bySize = Integer.compare(a.size, b.size);
        return bySize != 0 ? bySize : Long.compare(a.sequence, b.sequence);
    }
}
