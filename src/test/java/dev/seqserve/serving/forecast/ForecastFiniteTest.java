package dev.seqserve.serving.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.serving.SeqserveProperties;
import dev.seqserve.serving.model.ModelMetrics;
import dev.seqserve.serving.model.ModelRegistry;
import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import dev.seqserve.testing.TinyArtifacts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forecast goes out only as finite numbers: a series whose scaled values leave single precision is
 * an invalid series, and a forecast that overflows once its transforms are undone is refused as
 * {@code forecast-overflow} rather than answered as infinity.
 */
class ForecastFiniteTest {

    private static final int WINDOW = 8;

    @TempDir
    static Path folder;

    private static ModelRegistry registry;
    private static ForecastService service;

    @BeforeAll
    static void loadModels() throws Exception {
        TinyArtifacts.forecast(folder, "plain", "LSTM", WINDOW, 2);
        // exp(800 + 0.001 × output) is infinite for every output the graph can give
        Path exploding = TinyArtifacts.forecast(folder, "exploding", "GRU", WINDOW, 2);
        Manifest m = ArtifactFolder.open(exploding).manifest();
        Manifest.SeriesPreprocessing s = m.series();
        ArtifactFolder.writeManifest(exploding, new Manifest(m.formatVersion(), m.name(), m.task(), m.architecture(),
                m.version(), m.created(), m.onnx(), m.text(), new Manifest.SeriesPreprocessing(s.frequency(), s.window(),
                        s.maxHorizon(), s.strategy(), List.of("log"),
                        new Manifest.Scaler("standard", Map.of("mean", 800.0, "std", 0.001)), s.target()),
                m.metrics(), m.training()));
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        source.put("seqserve.models.location", folder.toString());
        source.put("seqserve.forecast.default-model", "plain");
        source.put("seqserve.batching.max-delay", "1ms");
        SeqserveProperties properties = new Binder(source).bindOrCreate("seqserve", SeqserveProperties.class);
        ModelMetrics metrics = new ModelMetrics(new SimpleMeterRegistry());
        registry = ModelRegistry.load(properties, metrics, metrics);
        service = new ForecastService(registry, metrics, new ForecastIntervals());
        assertThat(Files.isDirectory(exploding)).isTrue();
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    @Test
    void anOrdinarySeriesIsForecastInFiniteNumbers() {
        ForecastResponse response = service.forecast(new ForecastRequest(series(12.5), 2, "plain", null, null, null));

        assertThat(response.forecast()).hasSize(2);
        assertThat(Arrays.stream(response.forecast()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void aForecastThatOverflowsBackInTheSeriesUnitsIsRefused() {
        assertThatThrownBy(() -> service.forecast(new ForecastRequest(series(5.0), 1, "exploding", null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.FORECAST_OVERFLOW))
                .hasMessageContaining("exploding");
    }

    @Test
    void valuesBeyondSinglePrecisionOnceScaledAreAnInvalidSeries() {
        double[] series = series(12.5);
        series[series.length - 1] = 1e300; // finite as a double; (1e300 - 10) / 4 is not a float

        assertThatThrownBy(() -> service.forecast(new ForecastRequest(series, 1, "plain", null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_SERIES));
    }

    private static double[] series(double value) {
        double[] series = new double[WINDOW + 2];
        Arrays.fill(series, value);
        return series;
    }
}
