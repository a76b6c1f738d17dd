package dev.seqserve.serving.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ModelMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ModelMetrics metrics = new ModelMetrics(registry);
    private final ModelRef v1 = new ModelRef("m", "1");
    private final ModelRef v2 = new ModelRef("m", "2");

    private long requests(ModelRef version, String outcome) {
        var timer = registry.find("seqserve.request").tags("model", version.name(), "version", version.version(),
                "task", "sentiment", "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void eachVersionAndOutcomeHasItsOwnMetersAcrossCalls() {
        metrics.request("sentiment", v1, "success", 3, 1_000_000);
        metrics.request("sentiment", v1, "success", 2, 2_000_000);
        metrics.request("sentiment", v1, "invalid", 1, 1_000);
        metrics.request("sentiment", v2, "success", 1, 1_000);

        assertThat(requests(v1, "success")).isEqualTo(2);
        assertThat(requests(v1, "invalid")).isEqualTo(1);
        assertThat(requests(v2, "success")).isEqualTo(1);
        assertThat(registry.get("seqserve.predictions").tags("version", "1", "outcome", "success").counter().count())
                .isEqualTo(5.0);
    }

    @Test
    void aClosedVersionsMetersLeaveTheRegistryAndALaterRecordingStartsAfresh() {
        metrics.request("sentiment", v1, "success", 1, 1_000);
        metrics.preprocessing(v1, "encode", 1_000);
        metrics.request("sentiment", v2, "success", 1, 1_000);

        metrics.closed(v1);

        assertThat(registry.find("seqserve.request").tag("version", "1").meters()).isEmpty();
        assertThat(registry.find("seqserve.preprocessing").tag("version", "1").meters()).isEmpty();
        assertThat(requests(v2, "success")).isEqualTo(1);
        // a meter kept after its removal from the registry would swallow this recording
        metrics.request("sentiment", v1, "success", 1, 1_000);
        assertThat(requests(v1, "success")).isEqualTo(1);
    }
}
