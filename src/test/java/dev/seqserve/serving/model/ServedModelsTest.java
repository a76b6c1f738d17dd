package dev.seqserve.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.serving.DirectOnnx;
import dev.seqserve.serving.FixtureModels;
import dev.seqserve.serving.SeqserveProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The model layer on the fixture models: queued and batched scores equal direct one-at-a-time ONNX
 * Runtime runs, whatever the lengths, and names resolve to models of the right task.
 */
@Timeout(120)
class ServedModelsTest {

    private static ModelRegistry registry;

    @BeforeAll
    static void load() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        FixtureModels.properties().forEach(p -> source.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1)));
        source.put("seqserve.batching.max-delay", "5ms");
        SeqserveProperties properties = new Binder(source).bindOrCreate("seqserve", SeqserveProperties.class);
        ModelMetrics metrics = new ModelMetrics(new SimpleMeterRegistry());
        registry = ModelRegistry.load(properties, metrics, metrics);
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    @Test
    void concurrentMixedLengthScoresEqualDirectRuns() throws Exception {
        ModelLease<TextEncoder, TokenIds, TokenScore> lease = registry.lease(TaskType.SENTIMENT, FixtureModels.SENTIMENT_GRU, null);
        ModelVersion<TextEncoder, TokenIds, TokenScore> model = lease.version();
        Random random = new Random(7);
        List<int[]> sequences = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int[] ids = new int[1 + random.nextInt(60)];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = 1 + random.nextInt(29);
            }
            sequences.add(ids);
        }
        List<CompletableFuture<List<TokenScore>>> requests = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i += 4) {
            // every other request explains its reviews: explained and plain reviews batch together
            boolean explain = i % 8 == 0;
            List<TokenIds> part = sequences.subList(i, i + 4).stream().map(ids -> new TokenIds(ids, explain)).toList();
            requests.add(CompletableFuture.supplyAsync(() -> model.infer(part)));
        }
        List<TokenScore> scores = new ArrayList<>();
        for (CompletableFuture<List<TokenScore>> request : requests) {
            scores.addAll(request.get());
        }
        for (int i = 0; i < sequences.size(); i++) {
            int[] ids = sequences.get(i);
            float direct = DirectOnnx.sentiment(model.folder(), ids);
            TokenScore score = scores.get(i);
            assertThat(score.probability()).as("sequence %d of length %d", i, ids.length).isCloseTo(direct, within(1e-6f));
            if (i % 8 < 4) {
                float[] alone = DirectOnnx.attributions(model.folder(), ids);
                assertThat(score.attributions()).as("sequence %d", i).hasSize(ids.length);
                for (int t = 0; t < ids.length; t++) {
                    assertThat(score.attributions()[t]).as("sequence %d token %d", i, t).isCloseTo(alone[t], within(1e-6f));
                }
            } else {
                assertThat(score.attributions()).isNull();
            }
        }
        lease.close();
    }

    @Test
    void forecastsHaveTheModelsMaximumHorizon() {
        double[] series = {9, 10, 11, 12, 11, 10, 9, 8, 9, 10};
        float[] output;
        double[] forecast;
        try (ModelLease<SeriesCodec, float[], float[]> lease = registry.lease(TaskType.FORECAST, null, null)) {
            ModelVersion<SeriesCodec, float[], float[]> model = lease.version();
            output = model.infer(List.of(model.preprocessing().encode(series))).get(0);
            assertThat(model.ref().name()).isEqualTo(FixtureModels.FORECAST);
            forecast = model.preprocessing().decode(series, output, 2);
        }

        assertThat(output).hasSize(FixtureModels.MAX_HORIZON);
        assertThat(forecast).hasSize(2);
        assertThat(Double.isFinite(forecast[0]) && Double.isFinite(forecast[1])).isTrue();
    }

    @Test
    void namesResolveToModelsOfTheRightTask() {
        try (var lease = registry.lease(TaskType.SENTIMENT, null, null)) {
            assertThat(lease.version().ref().name()).isEqualTo(FixtureModels.SENTIMENT_LSTM);
        }
        assertThatThrownBy(() -> registry.lease(TaskType.SENTIMENT, "nope", null)).isInstanceOf(UnknownModelException.class);
        assertThatThrownBy(() -> registry.lease(TaskType.SENTIMENT, FixtureModels.SENTIMENT_LSTM, "0.0.2"))
                .isInstanceOf(UnknownVersionException.class)
                .hasMessageContaining("serves version " + dev.seqserve.testing.TinyArtifacts.VERSION);
        assertThatThrownBy(() -> registry.lease(TaskType.FORECAST, FixtureModels.SENTIMENT_GRU, null))
                .isInstanceOf(WrongModelTaskException.class)
                .hasMessage("Model tiny-sentiment-gru is a sentiment model, not a forecast model.");
    }
}
