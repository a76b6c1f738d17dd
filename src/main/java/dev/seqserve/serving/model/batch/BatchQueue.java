package dev.seqserve.serving.model.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The waiting requests and the rules for when they leave: as a batch that is due (for the workers) or
 * as requests past their deadline (for the deadline thread). Thread-safe; one lock guards everything.
 */
final class BatchQueue<I, O> {

    private final BatchSettings settings;
    private final long maxDelayNanos;
    private final long deadlineNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Condition deadlineWake = lock.newCondition();
    private final PendingQueue<I, O> pending = new PendingQueue<>();
    private long sequence;
    private int busyWorkers;
    private boolean closing;
    private boolean stopped;

    BatchQueue(BatchSettings settings) {
        this.settings = settings;
        this.maxDelayNanos = settings.maxDelay().toNanos();
        this.deadlineNanos = settings.deadline().toNanos();
    }

    /**
     * Adds a request, or returns {@code null} when the queue is full.
     *
     * @throws RejectedExecutionException after {@link #close}
     */
    Request<I, O> offer(I input, int size) {
        lock.lock();
        try {
            if (closing) {
                throw new RejectedExecutionException("the batcher is closed");
            }
            if (pending.size() >= settings.queueCapacity()) {
                return null;
            }
            boolean wasEmpty = pending.isEmpty();
            Request<I, O> request = new Request<>(input, size, sequence++, System.nanoTime(), wasEmpty && busyWorkers < settings.workers());
            pending.add(request);
            if (wasEmpty) {
                workAvailable.signal();
            } else if (pending.size() % settings.maxBatchSize() == 0) {
                workAvailable.signal();
            }
            return request;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a batch is due and takes it, or returns {@code null} once closed and drained. */
    List<Request<I, O>> nextBatch() {
        lock.lock();
        try {
            while (true) {
                Request<I, O> oldest = pending.oldest();
                if (oldest == null && closing) {
                    return null;
                }
                long waitNanos = oldest == null || busyWorkers >= settings.workers() ? Long.MAX_VALUE : dueIn(oldest);
                if (waitNanos <= 0) {
                    List<Request<I, O>> batch = pending.takeBatch(settings.maxBatchSize());
                    busyWorkers++;
                    if (!pending.isEmpty()) {
                        workAvailable.signal(); // an idle worker starts timing the new oldest request
                    }
                    return batch;
                }
                awaitQuietly(workAvailable, waitNanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until waiting requests pass their deadline and removes them, or returns {@code null} once stopped.
     *
     * <p>Requests arrive in deadline order, so one submitted while this thread sleeps expires after the
     * wake-up it sleeps towards: the oldest request's deadline, or a whole deadline from now when none
     * waits. Submitting therefore never wakes this thread, which at low load would cost a thread switch
     * per request.
     */
    List<Request<I, O>> nextExpired() {
        lock.lock();
        try {
            while (!stopped) {
                long now = System.nanoTime();
                List<Request<I, O>> expired = new ArrayList<>();
                for (Request<I, O> r; (r = pending.removeOldestIfSubmittedBy(now - deadlineNanos)) != null; ) {
                    expired.add(r);
                }
                if (!expired.isEmpty()) {
                    return expired;
                }
                Request<I, O> oldest = pending.oldest();
                awaitQuietly(deadlineWake, oldest == null ? deadlineNanos : oldest.submittedNanos + deadlineNanos - now);
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Counts the calling worker free again: its batch function has returned. */
    void finished() {
        lock.lock();
        try {
            busyWorkers--;
            if (!pending.isEmpty()) {
                workAvailable.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closing;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests; workers run what waits without delay, then {@link #nextBatch} returns {@code null}. */
    void close() {
        lock.lock();
        try {
            closing = true;
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Makes {@link #nextExpired} return {@code null}; called once the workers have stopped. */
    void stopDeadlines() {
        lock.lock();
        try {
            stopped = true;
            deadlineWake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long dueIn(Request<I, O> oldest) {
        if (closing || oldest.eager || pending.size() >= settings.maxBatchSize()) {
            return 0;
        }
        return oldest.submittedNanos + maxDelayNanos - System.nanoTime();
    }

    /** The callers re-check their state after every wake-up, and {@code close} is how to stop them, so interrupts are ignored. */
    private static void awaitQuietly(Condition condition, long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                condition.await();
            } else {
                condition.awaitNanos(nanos);
            }
        } catch (InterruptedException ignored) {
            // re-checked by the caller's loop
        }
    }
}
