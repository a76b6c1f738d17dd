package dev.seqserve.serving.model.batch;

import static dev.seqserve.serving.model.batch.Gate.TIMEOUT_SECONDS;
import static dev.seqserve.serving.model.batch.MicroBatcherResultsTest.lengths;
import static dev.seqserve.serving.model.batch.MicroBatcherResultsTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class MicroBatcherFailureTest {

    private final RecordingListener listener = new RecordingListener();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Gate gate = new Gate();

    @Test
    void failingBatchFailsOnlyItsOwnRequestsWithTheCause() throws Exception {
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        Function<List<String>, List<Integer>> poisoned = batch -> {
            if (batch.contains("poison-xxxxxxxxxxxxxxx")) {
                thrown.set(new IllegalStateException("session failed"));
                throw thrown.get();
            }
            return lengths(batch);
        };
        BatchSettings settings = settings().withMaxBatchSize(4).withMaxDelay(Duration.ZERO);
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(
                gate.around("blocker"::equals, poisoned), String::length, settings, listener)) {
            CompletableFuture<Integer> blocker = batcher.submit("blocker");
            gate.awaitEntered();
            List<CompletableFuture<Integer>> shortOnes = submitAll(batcher, "a", "b", "c", "d");
            List<CompletableFuture<Integer>> longOnes = submitAll(batcher,
                    "long-one-xxxxxxxxxxxxxx", "poison-xxxxxxxxxxxxxxx", "long-two-xxxxxxxxxxxxxx", "long-three-xxxxxxxxxxx");
            gate.release();

            assertThat(blocker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(7);
            for (CompletableFuture<Integer> future : shortOnes) {
                assertThat(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            }
            for (CompletableFuture<Integer> future : longOnes) {
                assertThatThrownBy(() -> future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).cause().isSameAs(thrown.get());
            }
            assertThat(batcher.submit("after").get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(5);
        }
        assertThat(listener.failedBatches).hasValue(1);
    }

    @Test
    void batchFunctionReturningTheWrongNumberOfResultsFailsThatBatch() {
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(batch -> List.of(), String::length, settings())) {
            assertThatThrownBy(() -> batcher.submit("x").get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("0 results for 1 inputs");
        }
    }

    @Test
    void fullQueueRefusesAtOnceAnswersEveryAcceptedRequestAndRecovers() throws Exception {
        BatchSettings settings = settings().withQueueCapacity(4).withMaxBatchSize(2).withMaxDelay(Duration.ZERO);
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(
                gate.around("blocker"::equals, this::recordLengths), String::length, settings, listener)) {
            CompletableFuture<Integer> blocker = batcher.submit("blocker");
            gate.awaitEntered();
            List<CompletableFuture<Integer>> accepted = submitAll(batcher, "a", "bb", "ccc", "dddd");
            List<CompletableFuture<Integer>> refused = submitAll(batcher, "eeeee", "ffffff", "ggggggg");

            assertThat(batcher.queued()).isEqualTo(4);
            for (CompletableFuture<Integer> future : refused) {
                assertThat(future).isCompletedExceptionally();
                assertThatThrownBy(future::join).cause().isInstanceOfSatisfying(OverloadedException.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 60L));
            }
            assertThat(listener.overloaded).hasValue(3);

            gate.release();
            assertThat(blocker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(7);
            for (int i = 0; i < accepted.size(); i++) {
                assertThat(accepted.get(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(i + 1);
            }
            List<CompletableFuture<Integer>> later = submitAll(batcher, "h", "ii", "jjj");
            for (int i = 0; i < later.size(); i++) {
                assertThat(later.get(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(i + 1);
            }
        }
        assertThat(seen).doesNotContain("eeeee", "ffffff", "ggggggg");
    }

    @Test
    void requestNotStartedBeforeItsDeadlineFailsAndNeverRuns() throws Exception {
        BatchSettings settings = settings().withDeadline(Duration.ofMillis(50));
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(
                gate.around("blocker"::equals, this::recordLengths), String::length, settings, listener)) {
            CompletableFuture<Integer> blocker = batcher.submit("blocker");
            gate.awaitEntered();
            CompletableFuture<Integer> late = batcher.submit("late");

            assertThatThrownBy(() -> late.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(DeadlineExceededException.class,
                            e -> assertThat(e.retryAfterSeconds()).isPositive());
            assertThat(batcher.queued()).isZero();
            gate.release();
            assertThat(blocker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("started in time, so it finishes").isEqualTo(7);
        }
        assertThat(seen).containsExactly("blocker");
        assertThat(listener.expired).hasValue(1);
    }

    @Test
    void requestQueuedAfterTheQueueSatIdleForSeveralDeadlinesStillFailsAtItsDeadline() throws Exception {
        Duration deadline = Duration.ofMillis(50);
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(
                gate.around("blocker"::equals, this::recordLengths), String::length, settings().withDeadline(deadline), listener)) {
            Thread.sleep(deadline.multipliedBy(3).toMillis()); // the deadline thread sleeps and wakes with nothing to expire
            CompletableFuture<Integer> blocker = batcher.submit("blocker");
            gate.awaitEntered();
            Thread.sleep(deadline.dividedBy(2).toMillis()); // the deadline thread is now asleep towards a wake-up before "late" arrives
            long submitted = System.nanoTime();
            CompletableFuture<Integer> late = batcher.submit("late");

            assertThatThrownBy(() -> late.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .cause().isInstanceOf(DeadlineExceededException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - submitted)).as("failed no sooner than its deadline")
                    .isGreaterThanOrEqualTo(deadline);
            gate.release();
            assertThat(blocker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(7);
        }
        assertThat(seen).containsExactly("blocker");
        assertThat(listener.expired).hasValue(1);
    }

    @Test
    void cancelledRequestIsSkipped() throws Exception {
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(
                gate.around("blocker"::equals, this::recordLengths), String::length, settings())) {
            batcher.submit("blocker");
            gate.awaitEntered();
            CompletableFuture<Integer> cancelled = batcher.submit("cancelled");
            CompletableFuture<Integer> kept = batcher.submit("kept");
            cancelled.cancel(false);
            gate.release();

            assertThat(kept.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(4);
        }
        assertThat(seen).containsExactly("blocker", "kept");
    }

    @Test
    void closeRefusesNewRequestsButRunsEveryAcceptedOneBeforeStoppingItsThreads() throws Exception {
        BatchSettings settings = settings().withMaxBatchSize(3).withMaxDelay(Duration.ofHours(1)).withName("closing-test");
        MicroBatcher<String, Integer> batcher = new MicroBatcher<>(
                gate.around("blocker"::equals, this::recordLengths), String::length, settings);
        CompletableFuture<Integer> blocker = batcher.submit("blocker");
        gate.awaitEntered();
        List<CompletableFuture<Integer>> accepted = submitAll(batcher, "a", "bb", "ccc", "dddd", "eeeee");
        Thread closer = new Thread(batcher::close, "closer");
        closer.start();
        awaitClosed(batcher);

        assertThatThrownBy(() -> batcher.submit("refused").join()).cause().isInstanceOf(RejectedExecutionException.class);
        assertThat(accepted).noneMatch(CompletableFuture::isDone);
        gate.release();
        closer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));

        assertThat(closer.isAlive()).as("close returned").isFalse();
        assertThat(blocker).isCompletedWithValue(7);
        for (int i = 0; i < accepted.size(); i++) {
            assertThat(accepted.get(i)).isCompletedWithValue(i + 1);
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().contains("closing-test") && t.isAlive());
    }

    private List<Integer> recordLengths(List<String> batch) {
        seen.addAll(batch);
        return lengths(batch);
    }

    private static List<CompletableFuture<Integer>> submitAll(MicroBatcher<String, Integer> batcher, String... inputs) {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (String input : inputs) {
            futures.add(batcher.submit(input));
        }
        return futures;
    }

    private static void awaitClosed(MicroBatcher<?, ?> batcher) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!batcher.isClosed()) {
            assertThat(System.nanoTime() - giveUp).as("close started in time").isNegative();
            Thread.sleep(1);
        }
    }
}
