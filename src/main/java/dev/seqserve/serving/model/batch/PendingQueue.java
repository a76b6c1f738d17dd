package dev.seqserve.serving.model.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The waiting requests, kept both in arrival order and sorted by size, so a batch can be a run of
 * similar sizes that always includes the oldest request. Not thread-safe: the batcher's lock guards it.
 */
final class PendingQueue<I, O> {

    /**
     * The fixed cost of one session call, in padded sequences of the batch's length. The benchmark's
     * batch-1 and length-sorted batch-32 timings of the shipped LSTM and GRU put it between about 0.5
     * and 1; the lower end favours smaller, tighter batches, which keeps latency down too.
     */
    static final double CALL_COST = 0.5;

    private final ArrayDeque<Request<I, O>> arrivals = new ArrayDeque<>();
    private final ArrayList<Request<I, O>> bySize = new ArrayList<>();

    int size() {
        return bySize.size();
    }

    boolean isEmpty() {
        return bySize.isEmpty();
    }

    void add(Request<I, O> request) {
        arrivals.addLast(request);
        bySize.add(insertionPoint(request), request);
    }

    /** The request that has waited longest, or {@code null} when none waits. */
    Request<I, O> oldest() {
        Request<I, O> head = arrivals.peekFirst();
        while (head != null && head.taken) {
            arrivals.pollFirst();
            head = arrivals.peekFirst();
        }
        return head;
    }

    /** Removes and returns the oldest request if it was submitted at or before {@code cutoffNanos}. */
    Request<I, O> removeOldestIfSubmittedBy(long cutoffNanos) {
        Request<I, O> head = oldest();
        if (head == null || head.submittedNanos - cutoffNanos > 0) {
            return null;
        }
        arrivals.pollFirst();
        bySize.remove(indexOf(head));
        head.taken = true;
        return head;
    }

    /**
     * Removes and returns up to {@code maxBatchSize} requests that are adjacent in size order and
     * include the oldest one: the run that does the most useful work per unit of cost.
     *
     * <p>A recurrent session call costs about {@code longest × (count + CALL_COST)} for a batch padded to
     * its longest sequence, and does {@code sum of sizes} of useful work. The run maximising the ratio
     * is taken, so sequences that would mostly be padding wait for a batch of their own size (usually
     * run by the next free worker) instead of slowing this one, while inputs of one size, such as
     * fixed windows, always fill the batch.
     */
    List<Request<I, O>> takeBatch(int maxBatchSize) {
        Request<I, O> oldest = oldest();
        if (oldest == null) {
            return List.of();
        }
        int n = bySize.size();
        int at = indexOf(oldest);
        int bestStart = at;
        int bestEnd = at + 1;
        double bestValue = -1;
        for (int start = Math.max(0, at - maxBatchSize + 1); start <= at; start++) {
            long useful = 0;
            for (int i = start; i < at; i++) {
                useful += Math.max(1, bySize.get(i).size);
            }
            for (int end = at + 1; end <= Math.min(n, start + maxBatchSize); end++) {
                useful += Math.max(1, bySize.get(end - 1).size);
                double longest = Math.max(1, bySize.get(end - 1).size);
                double value = useful / (longest * (end - start + CALL_COST));
                if (value > bestValue) {
                    bestValue = value;
                    bestStart = start;
                    bestEnd = end;
                }
            }
        }
        List<Request<I, O>> window = bySize.subList(bestStart, bestEnd);
        List<Request<I, O>> batch = new ArrayList<>(window);
        window.clear();
        for (Request<I, O> request : batch) {
            request.taken = true;
        }
        return batch;
    }

    private int indexOf(Request<I, O> request) {
        int index = Collections.binarySearch(bySize, request, Request::compare);
        if (index < 0) {
            throw new IllegalStateException("a waiting request is missing from the size order");
        }
        return index;
    }

    private int insertionPoint(Request<I, O> request) {
        int index = Collections.binarySearch(bySize, request, Request::compare);
        return index < 0 ? -index - 1 : index;
    }
}
