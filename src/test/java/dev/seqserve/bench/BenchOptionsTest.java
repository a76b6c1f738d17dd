package dev.seqserve.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void withoutArgumentsEveryOptionHasItsDocumentedDefault() {
        BenchOptions o = BenchOptions.parse();
        assertThat(o.models()).isEqualTo(Path.of("model-artifacts"));
        assertThat(o.concurrency()).containsExactly(1, 8, 64);
        assertThat(o.lowestConcurrency()).isEqualTo(1);
        assertThat(o.highestConcurrency()).isEqualTo(64);
        assertThat(o.levelTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.serviceWarmup()).isEqualTo(Duration.ofSeconds(40));
        assertThat(o.http()).isTrue();
        assertThat(o.baseline()).isTrue();
        assertThat(o.url()).isNull();
        assertThat(o.serviceArgs()).isEmpty();
        assertThat(o.series()).containsOnly(
                entry("forecast-temperature", Path.of("../shared/data/series/melbourne_daily_min_temp_1981_1989.csv")),
                entry("forecast-airline", Path.of("../shared/data/series/airline_passengers_1949_1958.csv")));
    }

    @Test
    void aGivenSeriesReplacesOnlyItsModelsDefault() {
        BenchOptions o = BenchOptions.parse("--series=forecast-airline=/data/air.csv,forecast-sales=/data/sales.csv");
        assertThat(o.series()).containsOnly(
                entry("forecast-temperature", Path.of("../shared/data/series/melbourne_daily_min_temp_1981_1989.csv")),
                entry("forecast-airline", Path.of("/data/air.csv")), entry("forecast-sales", Path.of("/data/sales.csv")));
    }

    @Test
    void valuesListsBooleansAndRepeatedServiceArgumentsAreRead() {
        BenchOptions o = BenchOptions.parse("--concurrency=1,64", "--level-seconds=2.5", "--http=false",
                "--service-arg=--seqserve.batching.workers=1", "--service-arg=--server.port=0", "--out", "/tmp/b");
        assertThat(o.concurrency()).containsExactly(1, 64);
        assertThat(BenchOptions.parse("--concurrency=16,4,32").lowestConcurrency()).as("not the first listed").isEqualTo(4);
        assertThat(BenchOptions.parse("--concurrency=16,4,32").highestConcurrency()).as("not the last listed").isEqualTo(32);
        assertThat(o.levelTime()).isEqualTo(Duration.ofMillis(2500));
        assertThat(o.http()).isFalse();
        assertThat(o.serviceArgs()).isEqualTo(List.of("--seqserve.batching.workers=1", "--server.port=0"));
        assertThat(o.out()).isEqualTo(Path.of("/tmp/b"));
    }

    @Test
    void anUnknownOptionOrAMalformedValueIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse("--levels=3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--levels").hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> BenchOptions.parse("--batch-size=many")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("many");
    }
}
