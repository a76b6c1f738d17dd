package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.model.batch.BatchSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code seqserve.batching} as bound from configuration: its defaults, and per-model overrides on top. */
class BatchingPropertiesTest {

    @Test
    void unsetWorkersFollowTheProcessorsTheJvmMayUse() {
        BatchSettings settings = bind(Map.of()).batching().forModel("sentiment-lstm");

        assertThat(settings.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.maxBatchSize()).isEqualTo(32);
        assertThat(settings.maxDelay()).isEqualTo(Duration.ofMillis(2));
        assertThat(settings.name()).isEqualTo("sentiment-lstm");
    }

    @Test
    void workersSetForAllOrForOneModelWinOverTheProcessorCount() {
        int processors = Runtime.getRuntime().availableProcessors();
        SeqserveProperties.Batching batching = bind(Map.of("seqserve.batching.workers", String.valueOf(processors + 3),
                "seqserve.batching.overrides.sentiment-gru.workers", String.valueOf(processors + 5))).batching();

        assertThat(batching.forModel("sentiment-lstm").workers()).isEqualTo(processors + 3);
        assertThat(batching.forModel("sentiment-gru").workers()).isEqualTo(processors + 5);
    }

    private static SeqserveProperties bind(Map<String, String> values) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(values);
        return new Binder(source).bindOrCreate("seqserve", SeqserveProperties.class);
    }
}
