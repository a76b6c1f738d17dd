package dev.seqserve.serving.model.batch;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one batch taken from the queue: drops what was cancelled or is too late, calls the batch
 * function once, completes every future exactly once, and keeps the estimate behind {@code Retry-After}.
 */
final class BatchRunner<I, O> {

    private static final System.Logger LOG = System.getLogger(BatchRunner.class.getName());
    private static final double SMOOTHING = 0.2;

    private final Function<List<I>, List<O>> batchFunction;
    private final BatchListener listener;
    private final BatchSettings settings;
    private final long deadlineNanos;
    /** Smoothed run time per request; written by workers, read by submitters, so races only blur it. */
    private volatile double nanosPerRequest;

    BatchRunner(Function<List<I>, List<O>> batchFunction, BatchListener listener, BatchSettings settings) {
        this.batchFunction = batchFunction;
        this.listener = listener;
        this.settings = settings;
        this.deadlineNanos = settings.deadline().toNanos();
    }

    /**
     * Runs the batch function for the requests still worth running and returns what completes their
     * futures; the worker first counts itself free, so a caller that sees its result and submits
     * again finds an idle worker.
     */
    Runnable run(List<Request<I, O>> taken) {
        long start = System.nanoTime();
        List<Request<I, O>> batch = new ArrayList<>(taken.size());
        long oldest = start;
        for (Request<I, O> request : taken) {
            if (request.future.isDone()) {
                continue; // cancelled by its caller while it waited
            }
            if (start - request.submittedNanos >= deadlineNanos) {
                expire(request);
            } else {
                batch.add(request);
                oldest = Math.min(oldest, request.submittedNanos);
            }
        }
        return batch.isEmpty() ? () -> { } : execute(batch, start - oldest);
    }

    void expire(Request<I, O> request) {
        if (request.future.completeExceptionally(new DeadlineExceededException(settings.deadline(), retryAfterSeconds(0)))) {
            notifyListener(BatchListener::onDeadlineExceeded);
        }
    }

    /** A whole number of seconds, from 1 to 60, in which the work now queued should be done. */
    long retryAfterSeconds(int queued) {
        double seconds = (queued + 1) * nanosPerRequest / settings.workers() / 1e9;
        return Math.max(1, Math.min(60, (long) Math.ceil(seconds)));
    }

    private Runnable execute(List<Request<I, O>> batch, long queueNanos) {
        List<I> inputs = new ArrayList<>(batch.size());
        for (Request<I, O> request : batch) {
            inputs.add(request.input);
        }
        long start = System.nanoTime();
        BatchEvent event = BatchEvent.start();
        List<O> outputs = null;
        Throwable failure = null;
        try {
            outputs = batchFunction.apply(Collections.unmodifiableList(inputs));
            if (outputs == null || outputs.size() != batch.size()) {
                failure = new IllegalStateException("the batch function returned "
                        + (outputs == null ? "null" : outputs.size() + " results") + " for " + batch.size() + " inputs");
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        long runNanos = System.nanoTime() - start;
        BatchEvent.commit(event, settings.name(), batch);
        nanosPerRequest = nanosPerRequest == 0 ? (double) runNanos / batch.size()
                : (1 - SMOOTHING) * nanosPerRequest + SMOOTHING * runNanos / batch.size();
        List<O> results = outputs;
        Throwable cause = failure;
        return () -> {
            for (int i = 0; i < batch.size(); i++) {
                if (cause == null) {
                    batch.get(i).future.complete(results.get(i));
                } else {
                    batch.get(i).future.completeExceptionally(cause);
                }
            }
            notifyListener(l -> l.onBatch(batch.size(), queueNanos, runNanos, cause != null));
        };
    }

    void notifyListener(Consumer<BatchListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a batch listener failed; ignoring it", e);
        }
    }
}
