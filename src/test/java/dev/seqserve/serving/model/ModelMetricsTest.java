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
        metrics.request(Protocol.SEQSERVE, "sentiment", v1, "success", 3, 1_000_000);
        metrics.request(Protocol.SEQSERVE, "sentiment", v1, "success", 2, 2_000_000);
        metrics.request(Protocol.SEQSERVE, "sentiment", v1, "invalid", 1, 1_000);
        metrics.request(Protocol.SEQSERVE, "sentiment", v2, "success", 1, 1_000);

        assertThat(requests(v1, "success")).isEqualTo(2);
        assertThat(requests(v1, "invalid")).isEqualTo(1);
        assertThat(requests(v2, "success")).isEqualTo(1);
        assertThat(registry.get("seqserve.predictions").tags("version", "1", "outcome", "success").counter().count())
                .isEqualTo(5.0);
    }

    @Test
    void theProtocolTagSeparatesTheSameTaskArrivingThroughV2() {
        metrics.request(Protocol.SEQSERVE, "sentiment", v1, "success", 3, 1_000);
        metrics.request(Protocol.V2, "sentiment", v1, "success", 2, 1_000);
        metrics.request(Protocol.V2, "sentiment", v1, "success", 4, 1_000);

        assertThat(registry.get("seqserve.request").tags("protocol", "seqserve", "outcome", "success").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("seqserve.request").tags("protocol", "v2", "outcome", "success").timer().count())
                .isEqualTo(2);
        assertThat(registry.get("seqserve.predictions").tags("protocol", "v2").counter().count()).isEqualTo(6.0);
    }

    @Test
    void aClosedVersionsMetersLeaveTheRegistryAndALaterRecordingStartsAfresh() {
        metrics.request(Protocol.SEQSERVE, "sentiment", v1, "success", 1, 1_000);
        metrics.preprocessing(v1, "encode", 1_000);
        metrics.request(Protocol.SEQSERVE, "sentiment", v2, "success", 1, 1_000);

        metrics.closed(v1);

        assertThat(registry.find("seqserve.request").tag("version", "1").meters()).isEmpty();
        assertThat(registry.find("seqserve.preprocessing").tag("version", "1").meters()).isEmpty();
        assertThat(requests(v2, "success")).isEqualTo(1);
        // a meter kept after its removal from the registry would swallow this recording
        metrics.request(Protocol.SEQSERVE, "sentiment", v1, "success", 1, 1_000);
        assertThat(requests(v1, "success")).isEqualTo(1);
    }
}
