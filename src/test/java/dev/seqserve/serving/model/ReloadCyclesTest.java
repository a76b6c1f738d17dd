package dev.seqserve.serving.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.serving.SeqserveProperties;
import dev.seqserve.serving.VersionFolders;
import dev.seqserve.testing.TinyArtifacts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * 200 reload cycles, each placing a new version and removing the one before: every replaced
 * version's session is closed (counted by a session listener), exactly one stays open, each new
 * version answers, and no version's meters outlive it.
 */
@Timeout(300)
class ReloadCyclesTest {

    private static final String MODEL = "sentiment-lstm";
    private static final int CYCLES = 200;
    private static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path location;

    @TempDir
    Path fixtures;

    @Test
    void everyReplacedSessionIsClosed() throws Exception {
        Path artifact = TinyArtifacts.sentiment(fixtures, MODEL, "LSTM");
        Path modelFolder = Files.createDirectories(location.resolve(MODEL));
        VersionFolders.place(modelFolder, artifact, "v0", FIRST);
        Counting counting = new Counting();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ModelMetrics metrics = new ModelMetrics(meters);
        try (ModelRegistry registry = ModelRegistry.load(properties(), metrics,
                SessionListener.all(List.of(metrics, counting)))) {
            int[] review = {2, 11, 7, 15};
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                Path placed = VersionFolders.place(modelFolder, artifact, "v" + cycle, FIRST.plusSeconds(cycle));
                ServedModel model = registry.reload(MODEL);
                assertThat(model.serving().ref().version()).isEqualTo("v" + cycle);
                VersionFolders.remove(modelFolder.resolve("v" + (cycle - 1)));
                if (cycle % 50 == 0) {
                    try (ModelLease<TextEncoder, TokenIds, TokenScore> lease = registry.lease(TaskType.SENTIMENT, MODEL, null)) {
                        assertThat(lease.version().infer(List.of(TokenIds.plain(review))).get(0).probability()).isBetween(0f, 1f);
                        assertThat(lease.version().ref().version()).isEqualTo(placed.getFileName().toString());
                    }
                }
            }

            List<String> replaced = new ArrayList<>();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                replaced.add("v" + cycle);
            }
            assertThat(counting.opened).hasSize(CYCLES + 1);
            assertThat(counting.closed).as("closed sessions").hasSize(CYCLES)
                    .containsExactlyInAnyOrderElementsOf(replaced);
            assertThat(counting.openNow()).containsExactly("v" + CYCLES);
            assertThat(meters.getMeters()).as("meters of closed versions")
                    .allSatisfy(m -> assertThat(m.getId().getTag("version")).isIn(null, "v" + CYCLES));
            assertThat(meters.counter("seqserve.sessions", "model", MODEL, "event", "closed").count()).isEqualTo(CYCLES);
        }
        assertThat(counting.closed).as("closing the registry closes the last one").hasSize(CYCLES + 1);
    }

    private SeqserveProperties properties() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        source.put("seqserve.models.location", location.toString());
        return new Binder(source).bindOrCreate("seqserve", SeqserveProperties.class);
    }

    /** Counts sessions opened and closed, by version. */
    private static final class Counting implements SessionListener {

        final List<String> opened = new CopyOnWriteArrayList<>();
        final List<String> closed = new CopyOnWriteArrayList<>();
        private final Set<String> open = ConcurrentHashMap.newKeySet();

        @Override
        public void opened(ModelRef version) {
            opened.add(version.version());
            open.add(version.version());
        }

        @Override
        public void closed(ModelRef version) {
            closed.add(version.version());
            open.remove(version.version());
        }

        Set<String> openNow() {
            return Set.copyOf(open);
        }
    }
}
