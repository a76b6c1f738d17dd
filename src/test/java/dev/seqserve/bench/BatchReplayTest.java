package dev.seqserve.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.model.batch.BatchSettings;
import dev.seqserve.serving.model.batch.MicroBatcher;
import dev.seqserve.testing.CpuWork;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark reads back from the service's flight recording the batches each level formed and their CPU. */
@Timeout(120)
class BatchReplayTest {

    private static final long BUSY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    @TempDir
    Path dir;

    @Test
    void eachLevelGetsItsOwnModelsBatchesInsideItsWindowWithTheirBatchFunctionsCpuTime() throws Exception {
        Path file = dir.resolve("batches.jfr");
        BatchReplay.Window first;
        BatchReplay.Window second;
        try (Recording recording = new Recording();
                MicroBatcher<int[], Integer> lstm = batcher("lstm");
                MicroBatcher<int[], Integer> gru = batcher("gru")) {
            recording.enable("dev.seqserve.Batch");
            recording.start();
            Instant from = Instant.now();
            lstm.submit(new int[3]).get(10, TimeUnit.SECONDS);
            lstm.submit(new int[5]).get(10, TimeUnit.SECONDS);
            gru.submit(new int[7]).get(10, TimeUnit.SECONDS);
            Instant between = Instant.now();
            lstm.submit(new int[11]).get(10, TimeUnit.SECONDS);
            first = new BatchReplay.Window("lstm", HttpPhase.MICRO_BATCHING, 1, from, between);
            second = new BatchReplay.Window("lstm", HttpPhase.MICRO_BATCHING, 64, between, Instant.now().plusMillis(1));
            recording.stop();
            recording.dump(file);
        }

        Map<BatchReplay.Window, BatchReplay.Formed> formed = BatchReplay.read(file, List.of(first, second));

        assertThat(formed.get(first).batches()).containsExactly(new int[] {3}, new int[] {5});
        assertThat(formed.get(second).batches()).containsExactly(new int[] {11});
        assertThat(formed.get(first).reviews()).isEqualTo(2);
        // Each batch function spins for BUSY_NANOS of its thread's CPU, so each review's share is at least that.
        assertThat(formed.get(first).cpuNanos()).isGreaterThanOrEqualTo(2 * BUSY_NANOS).isLessThan(20 * BUSY_NANOS);
        assertThat(formed.get(first).cpuMsPerReview()).isGreaterThanOrEqualTo(BUSY_NANOS / 1e6);
        assertThat(formed.get(second).cpuNanos()).isGreaterThanOrEqualTo(BUSY_NANOS).isLessThan(10 * BUSY_NANOS);
    }

    private static MicroBatcher<int[], Integer> batcher(String name) {
        return new MicroBatcher<>(BatchReplayTest::spin, ids -> ids.length,
                new BatchSettings(32, Duration.ZERO, 1024, Duration.ofSeconds(10), 1, name));
    }

    private static List<Integer> spin(List<int[]> batch) {
        CpuWork.spin(BUSY_NANOS);
        return batch.stream().map(ids -> ids.length).toList();
    }

    @Test
    void passesReportTheirMedianAndTheirCheapestAndDearest() {
        BatchReplay.Passes odd = BatchReplay.Passes.of(1.3, 1.0, 1.1);
        assertThat(odd.median()).isEqualTo(1.1);
        assertThat(odd.low()).isEqualTo(1.0);
        assertThat(odd.high()).isEqualTo(1.3);
        assertThat(BatchReplay.Passes.of(2.0, 1.0, 4.0, 3.0).median()).isEqualTo(2.5);
        // 1.3 ms against a median of 1.1 ms; against the dearest pass 1.00 x, the cheapest 1.30 x.
        assertThat(odd.ratio(1.3)).isEqualTo("1.18 x (1.00–1.30 x)");
    }
}
