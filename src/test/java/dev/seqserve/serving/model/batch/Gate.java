package dev.seqserve.serving.model.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Holds the batch that contains a chosen "blocker" input inside the batch function until released,
 * so tests can fill the queue behind a busy worker without depending on timing.
 */
final class Gate {

    static final long TIMEOUT_SECONDS = 30;

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    <I, O> Function<List<I>, List<O>> around(Predicate<I> isBlocker, Function<List<I>, List<O>> batchFunction) {
        return batch -> {
            if (batch.stream().anyMatch(isBlocker)) {
                entered.countDown();
                await(released);
            }
            return batchFunction.apply(batch);
        };
    }

    /** Waits until the blocker's batch is inside the batch function. */
    void awaitEntered() {
        await(entered);
    }

    void release() {
        released.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("latch reached in time").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
