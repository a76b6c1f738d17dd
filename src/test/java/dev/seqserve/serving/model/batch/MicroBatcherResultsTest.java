package dev.seqserve.serving.model.batch;

import static dev.seqserve.serving.model.batch.Gate.TIMEOUT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.model.batch.PaddedRecurrence.Output;
import dev.seqserve.serving.model.batch.PaddedRecurrence.Sequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

@Timeout(120)
class MicroBatcherResultsTest {

    private static final int BLOCKER = -1;

    private final Random random = new Random(42);
    private final RecordingListener listener = new RecordingListener();

    @Test
    void batchedResultsEqualOneAtATimeResultsForMixedLengths() throws Exception {
        Gate gate = new Gate();
        AtomicBoolean mixedLengths = new AtomicBoolean();
        BatchSettings settings = settings().withMaxBatchSize(8).withMaxDelay(Duration.ZERO);
        try (MicroBatcher<Sequence, Output> batcher = new MicroBatcher<>(
                gate.around(s -> s.id() == BLOCKER, batch -> {
                    mixedLengths.compareAndSet(false, batch.stream().mapToInt(Sequence::length).distinct().count() > 1);
                    return PaddedRecurrence.run(batch);
                }), Sequence::length, settings, listener)) {
            CompletableFuture<Output> blocker = batcher.submit(PaddedRecurrence.sequence(BLOCKER, 3, random));
            gate.awaitEntered();
            List<Sequence> inputs = new ArrayList<>();
            List<CompletableFuture<Output>> futures = new ArrayList<>();
            for (int id = 0; id < 40; id++) {
                Sequence input = PaddedRecurrence.sequence(id, 1 + random.nextInt(400), random);
                inputs.add(input);
                futures.add(batcher.submit(input));
            }
            gate.release();

            blocker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (int i = 0; i < inputs.size(); i++) {
                Output alone = PaddedRecurrence.run(List.of(inputs.get(i))).get(0);
                Output batched = futures.get(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(batched.id()).isEqualTo(i);
                assertThat(batched.state()).isCloseTo(alone.state(), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        assertThat(mixedLengths).as("some batch padded sequences of different lengths").isTrue();
        assertThat(listener.batchSizes).allMatch(size -> size <= 8);
        assertThat(listener.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(41);
    }

    @Test
    void eachRequestGetsItsOwnResultUnderConcurrency() throws Exception {
        BatchSettings settings = settings().withMaxBatchSize(16).withMaxDelay(Duration.ofMillis(1)).withWorkers(2);
        int threads = 8;
        int perThread = 250;
        try (MicroBatcher<Sequence, Output> batcher = new MicroBatcher<>(
                PaddedRecurrence::run, Sequence::length, settings, listener)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> clients = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t * perThread;
                    clients.add(pool.submit(() -> submitAndCheck(batcher, first, perThread)));
                }
                for (Future<Integer> client : clients) {
                    assertThat(client.get(TIMEOUT_SECONDS * 2, TimeUnit.SECONDS)).isEqualTo(perThread);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(listener.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads * perThread);
        assertThat(listener.failedBatches).hasValue(0);
    }

    @Test
    void loneRequestOnAnEmptyQueueRunsWithoutWaitingForTheDelay() throws Exception {
        BatchSettings settings = settings().withMaxDelay(Duration.ofHours(1)).withWorkers(2);
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(MicroBatcherResultsTest::lengths, String::length, settings)) {
            for (String input : List.of("one", "three", "fifteen")) {
                assertThat(batcher.submit(input).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(input.length());
            }
        }
    }

    @Test
    void aLoneRequestRunsOnAWorkerThreadNeverOnItsCaller() throws Exception {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        Function<List<String>, List<Integer>> recordingThread = batch -> {
            ranOn.add(Thread.currentThread());
            return lengths(batch);
        };
        BatchSettings settings = settings().withMaxDelay(Duration.ofHours(1));
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(recordingThread, String::length, settings, listener)) {
            assertThat(batcher.submit("seven!!").get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(7);
        }
        assertThat(ranOn).hasSize(1).doesNotContain(Thread.currentThread());
        assertThat(ranOn.get(0).getName()).isEqualTo("batch-test-0");
        assertThat(ranOn.get(0).isDaemon()).isTrue();
        assertThat(listener.batchSizes).containsExactly(1);
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void aRequestFromAVirtualThreadRunsOnAPlatformWorkerSoNoCarrierIsPinned() throws Exception {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        Function<List<String>, List<Integer>> recordingThread = batch -> {
            ranOn.add(Thread.currentThread());
            return lengths(batch);
        };
        AtomicReference<CompletableFuture<Integer>> future = new AtomicReference<>();
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(recordingThread, String::length, settings())) {
            Thread virtual = (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class)
                    .invoke(null, (Runnable) () -> future.set(batcher.submit("four")));
            virtual.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));

            assertThat(future.get().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(4);
            assertThat(ranOn).hasSize(1).doesNotContain(virtual);
            assertThat((boolean) Thread.class.getMethod("isVirtual").invoke(ranOn.get(0))).isFalse();
        }
    }

    @Test
    void fullBatchRunsWithoutWaitingForTheDelay() throws Exception {
        Gate gate = new Gate();
        BatchSettings settings = settings().withMaxBatchSize(4).withMaxDelay(Duration.ofHours(1));
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(
                gate.around("blocker"::equals, MicroBatcherResultsTest::lengths), String::length, settings, listener)) {
            CompletableFuture<Integer> blocker = batcher.submit("blocker");
            gate.awaitEntered();
            List<CompletableFuture<Integer>> futures = List.of(
                    batcher.submit("a"), batcher.submit("b"), batcher.submit("c"), batcher.submit("d"));
            gate.release();

            assertThat(blocker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(7);
            for (CompletableFuture<Integer> future : futures) {
                assertThat(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            }
        }
        assertThat(listener.batchSizes).containsExactly(1, 4);
    }

    @Test
    void partialBatchRunsOnceTheOldestRequestHasWaitedTheDelay() throws Exception {
        Gate gate = new Gate();
        BatchSettings settings = settings().withMaxBatchSize(100).withMaxDelay(Duration.ofMillis(20));
        try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(
                gate.around("blocker"::equals, MicroBatcherResultsTest::lengths), String::length, settings, listener)) {
            batcher.submit("blocker");
            gate.awaitEntered();
            CompletableFuture<Integer> first = batcher.submit("xxxxxxxxxx");
            CompletableFuture<Integer> second = batcher.submit("yyyyyyyyyyy");
            gate.release();

            assertThat(first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(10);
            assertThat(second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(11);
        }
        assertThat(listener.batchSizes).containsExactly(1, 2);
    }

    private int submitAndCheck(MicroBatcher<Sequence, Output> batcher, int firstId, int count) throws Exception {
        Random own = new Random(firstId);
        List<Sequence> inputs = new ArrayList<>();
        List<CompletableFuture<Output>> futures = new ArrayList<>();
        int correct = 0;
        for (int i = 0; i < count; i++) {
            Sequence input = PaddedRecurrence.sequence(firstId + i, 1 + own.nextInt(400), own);
            inputs.add(input);
            futures.add(batcher.submit(input));
            if (own.nextInt(4) == 0) {
                correct += check(inputs, futures); // sometimes wait, so batch sizes vary
            }
        }
        return correct + check(inputs, futures);
    }

    private static int check(List<Sequence> inputs, List<CompletableFuture<Output>> futures) throws Exception {
        for (int i = 0; i < inputs.size(); i++) {
            Output output = futures.get(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(output).isEqualTo(PaddedRecurrence.run(List.of(inputs.get(i))).get(0));
        }
        int checked = inputs.size();
        inputs.clear();
        futures.clear();
        return checked;
    }

    static List<Integer> lengths(List<String> batch) {
        return batch.stream().map(String::length).toList();
    }

    static BatchSettings settings() {
        return new BatchSettings(32, Duration.ofMillis(2), 1024, Duration.ofSeconds(10), 1, "test");
    }
}
