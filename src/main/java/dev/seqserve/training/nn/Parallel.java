package dev.seqserve.training.nn;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs the shards of a batch on a small pool of daemon threads, the caller taking the first shard itself. */
final class Parallel {

    /** Shards per batch: one per available processor. */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), task -> {
        Thread thread = new Thread(task, "seqserve-nn-" + NAMES.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Parallel() {
    }

    /** Calls {@code task} for 0..tasks−1 and waits for all; the first failure is rethrown. */
    static void run(int tasks, IntConsumer task) {
        if (tasks == 1) {
            task.accept(0);
            return;
        }
        Future<?>[] futures = new Future<?>[tasks - 1];
        for (int i = 1; i < tasks; i++) {
            int index = i;
            futures[i - 1] = POOL.submit(() -> task.accept(index));
        }
        Throwable failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> future : futures) {
            // Wait even when interrupted: the shards write into buffers the caller reuses.
            while (true) {
                try {
                    future.get();
                    break;
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("shard failed", failure);
        }
    }
}
