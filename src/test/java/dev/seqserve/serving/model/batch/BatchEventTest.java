package dev.seqserve.serving.model.batch;

import static dev.seqserve.serving.model.batch.Gate.TIMEOUT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.testing.CpuWork;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The flight-recorder event the benchmark replays batches from, and splits the workers' CPU time by. */
@Timeout(120)
class BatchEventTest {

    private static final long BUSY_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    private static final long SLEEP_MILLIS = 120;

    @TempDir
    Path dir;

    @Test
    void eachBatchRecordsItsQueueSizesAndTheWorkersCpuTimeNotItsWallTime() throws Exception {
        assertThat(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()).isTrue();
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            recording.enable(BatchEvent.NAME);
            recording.start();
            try (MicroBatcher<String, Integer> batcher = new MicroBatcher<>(BatchEventTest::busyOrAsleep,
                    String::length, new BatchSettings(32, Duration.ZERO, 1024, Duration.ofSeconds(10), 1, "words"))) {
                batcher.submit("busy").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                batcher.submit("asleep!").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            recording.stop();
            Path file = dir.resolve("batches.jfr");
            recording.dump(file);
            events = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals(BatchEvent.NAME)).toList();
            Files.delete(file);
        }

        assertThat(events).hasSize(2);
        RecordedEvent busy = events.stream().filter(e -> e.getString("sizes").equals("4")).findFirst().orElseThrow();
        RecordedEvent asleep = events.stream().filter(e -> e.getString("sizes").equals("7")).findFirst().orElseThrow();
        assertThat(busy.getString("queue")).isEqualTo("words");
        assertThat(busy.getInt("inputs")).isEqualTo(1);
        assertThat(busy.hasField("cpuAtStart")).as("the start reading is the event's own, not recorded").isFalse();
        // Spinning costs CPU as long as it lasts; sleeping costs next to none, however long.
        assertThat(busy.getDuration("cpuTime")).isGreaterThanOrEqualTo(Duration.ofNanos(BUSY_NANOS))
                .isLessThanOrEqualTo(busy.getDuration().plusMillis(5));
        assertThat(asleep.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(SLEEP_MILLIS));
        assertThat(asleep.getDuration("cpuTime")).isLessThan(Duration.ofMillis(SLEEP_MILLIS / 4));
    }

    @Test
    void withoutARecordingNoEventIsWanted() {
        BatchEvent event = BatchEvent.start();
        assertThat(event.isEnabled()).isFalse();
        assertThat(event.cpuAtStart).as("the thread's CPU clock is not read").isZero();
    }

    /** "busy" spins on the thread's own CPU clock; anything else sleeps. */
    private static List<Integer> busyOrAsleep(List<String> batch) {
        if (batch.get(0).equals("busy")) {
            CpuWork.spin(BUSY_NANOS);
        } else {
            try {
                Thread.sleep(SLEEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return batch.stream().map(String::length).toList();
    }
}
