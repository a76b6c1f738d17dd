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
     * Removes and returns up to {@code maxBatchSize} requests that are adjacent in size order, always
     * including the oldest one, choosing the run whose sizes differ least so padding wastes little.
     */
    List<Request<I, O>> takeBatch(int maxBatchSize) {
        Request<I, O> oldest = oldest();
        if (oldest == null) {
            return List.of();
        }
        int n = bySize.size();
        int length = Math.min(maxBatchSize, n);
        int at = indexOf(oldest);
        int best = Math.max(0, at - length + 1);
        for (int start = best + 1; start <= Math.min(at, n - length); start++) {
            if (spread(start, length) < spread(best, length)) {
                best = start;
            }
        }
        List<Request<I, O>> window = bySize.subList(best, best + length);
        List<Request<I, O>> batch = new ArrayList<>(window);
        window.clear();
        for (Request<I, O> request : batch) {
            request.taken = true;
        }
        return batch;
    }

    private int spread(int start, int length) {
        return bySize.get(start + length - 1).size - bySize.get(start).size;
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
