package dev.seqserve.serving.model.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A dynamic micro-batcher: concurrent {@link #submit submissions} wait in a bounded queue and run
 * together through one batch function call, in batches of similar size.
 *
 * <p>A request that finds the queue empty and a worker idle runs at once on that worker. Otherwise a batch runs when
 * {@code maxBatchSize} requests wait or when the oldest has waited {@code maxDelay}; it is the run of
 * requests adjacent in size order, containing the oldest, whose sizes differ least, so padding wastes
 * little and no request starves. A full queue refuses at once with {@link OverloadedException}; a
 * request that cannot start within its deadline fails with {@link DeadlineExceededException}; a batch
 * function that throws fails only that batch's requests, each with what it threw.
 *
 * <p>Batches run only on the batcher's own platform threads, whatever thread submits: the batch
 * function usually calls native code, which would pin a virtual caller's carrier thread. Futures
 * complete on those threads, so callers that chain work should use the {@code *Async} methods.
 *
 * @param <I> the input of one request
 * @param <O> the output of one request
 */
public final class MicroBatcher<I, O> implements AutoCloseable {

    private final ToIntFunction<? super I> sizer;
    private final BatchSettings settings;
    private final BatchQueue<I, O> queue;
    private final BatchRunner<I, O> runner;
    private final List<Thread> workers = new ArrayList<>();
    private final Thread deadlines;

    /**
     * Starts a batcher with no listener.
     *
     * @see #MicroBatcher(Function, ToIntFunction, BatchSettings, BatchListener)
     */
    public MicroBatcher(Function<List<I>, List<O>> batchFunction, ToIntFunction<? super I> sizer, BatchSettings settings) {
        this(batchFunction, sizer, settings, BatchListener.NONE);
    }

    /**
     * Starts a batcher and its threads.
     *
     * @param batchFunction computes one output per input, in the same order; with {@code workers > 1}
     *     it runs for several batches at once
     * @param sizer the size of an input (such as its token count), used to group similar inputs
     * @param settings batch size, delay, queue capacity, deadline and worker count
     * @param listener told about every batch, refusal and expiry
     */
    public MicroBatcher(Function<List<I>, List<O>> batchFunction, ToIntFunction<? super I> sizer,
            BatchSettings settings, BatchListener listener) {
        this.sizer = Objects.requireNonNull(sizer, "sizer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.queue = new BatchQueue<>(settings);
        this.runner = new BatchRunner<>(Objects.requireNonNull(batchFunction, "batchFunction"),
                Objects.requireNonNull(listener, "listener"), settings);
        for (int i = 0; i < settings.workers(); i++) {
            // The role comes first: Linux (top, /proc) shows only a thread name's first 15 characters.
            workers.add(startThread("batch-" + settings.name() + "-" + i, this::work));
        }
        this.deadlines = startThread("deadlines-" + settings.name(), this::expire);
    }

    /**
     * Queues one input.
     *
     * @param input the input; its size is read once, now
     * @return a future that completes with the input's output, or exceptionally with
     *     {@link OverloadedException} (at once, when the queue is full), {@link DeadlineExceededException},
     *     {@link RejectedExecutionException} (after {@link #close}) or whatever the batch function threw
     * @throws NullPointerException if {@code input} is null; whatever the sizer throws is thrown too
     */
    public CompletableFuture<O> submit(I input) {
        Objects.requireNonNull(input, "input");
        return enqueue(input, sizer.applyAsInt(input));
    }

    private CompletableFuture<O> enqueue(I input, int size) {
        Request<I, O> request;
        try {
            request = queue.offer(input, size);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (request != null) {
            return request.future;
        }
        runner.notifyListener(BatchListener::onOverloaded);
        int capacity = settings.queueCapacity();
        return CompletableFuture.failedFuture(new OverloadedException(capacity, runner.retryAfterSeconds(capacity)));
    }

    /** How many requests are waiting to start. */
    public int queued() {
        return queue.size();
    }

    /** The settings this batcher runs with. */
    public BatchSettings settings() {
        return settings;
    }

    /** Whether {@link #close} has been called, after which every {@code submit} is refused. */
    public boolean isClosed() {
        return queue.isClosed();
    }

    /** Stops accepting requests, runs every request already accepted, then stops the threads. */
    @Override
    public void close() {
        queue.close();
        boolean interrupted = joinAll(workers);
        queue.stopDeadlines();
        interrupted |= joinAll(List.of(deadlines));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        List<Request<I, O>> batch;
        while ((batch = queue.nextBatch()) != null) {
            Runnable completion = runner.run(batch);
            queue.finished();
            completion.run();
        }
    }

    private void expire() {
        List<Request<I, O>> expired;
        while ((expired = queue.nextExpired()) != null) {
            expired.forEach(runner::expire);
        }
    }

    private static Thread startThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Joins each thread but the caller's own (close may be called from a batch function); reports interrupts. */
    private static boolean joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread != Thread.currentThread() && thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }
}
