package dev.seqserve.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounded client load on loopback: a few threads send requests back to back until stopped, until a
 * deadline or until a request budget is spent, whichever comes first, and keep every outcome.
 */
final class Load implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<RawHttp.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger budget;

    private Load(int maxRequests) {
        this.budget = new AtomicInteger(maxRequests);
    }

    static Load start(String name, int threadCount, Duration maxDuration, int maxRequests,
            Supplier<RawHttp.Outcome> request) {
        Load load = new Load(maxRequests);
        long deadline = System.nanoTime() + maxDuration.toNanos();
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> {
                while (!load.stop.get() && System.nanoTime() < deadline && load.budget.getAndDecrement() > 0) {
                    RawHttp.Outcome outcome = request.get();
                    load.outcomes.add(outcome);
                    if (outcome.kind() != RawHttp.Kind.ANSWERED) {
                        ServiceProcess.sleep(20); // no tight loop against a closed port
                    }
                }
            }, name + "-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    long succeeded() {
        return outcomes.stream().filter(RawHttp.Outcome::ok).count();
    }

    /** Waits until at least {@code count} requests have succeeded, or fails after the timeout. */
    Load awaitSucceeded(long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (succeeded() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + succeeded() + " of " + count + " requests succeeded in "
                        + timeout + "; some outcomes: " + outcomes.stream().limit(5).toList());
            }
            ServiceProcess.sleep(20);
        }
        return this;
    }

    /** Waits until at least {@code count} requests have ended, however they ended, or fails after the timeout. */
    Load awaitFinished(long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outcomes.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + outcomes.size() + " of " + count + " requests ended in " + timeout);
            }
            ServiceProcess.sleep(20);
        }
        return this;
    }

    /** Stops sending, waits for the requests in flight, and returns every outcome. */
    List<RawHttp.Outcome> stop() {
        stop.set(true);
        for (Thread thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.copyOf(outcomes);
    }

    @Override
    public void close() {
        stop();
    }
}
