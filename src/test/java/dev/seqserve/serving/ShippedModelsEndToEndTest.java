package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.preprocess.TextEncoder;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole service over real HTTP with the trained models in {@code model-artifacts/}: each test
 * skips, saying so, when its model is not there; the class skips when no model is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seqserve.models.location=" + ShippedModelsEndToEndTest.LOCATION)
@EnabledIf(value = "shippedModelsPresent", disabledReason = "model-artifacts/ holds no trained model yet")
class ShippedModelsEndToEndTest {

    static final String LOCATION = "model-artifacts";

    private static final String POSITIVE = "One of the best films I have seen in years. The acting is superb, the story "
            + "is moving and beautifully told, and the ending left me in tears of joy. A wonderful, brilliant movie "
            + "that I loved from start to finish and will happily watch again.";
    private static final String NEGATIVE = "One of the worst films I have ever seen. The acting is terrible, the plot "
            + "is boring and makes no sense, and the dialogue is awful. A complete waste of time and money; I hated "
            + "every minute of this dull, stupid mess and walked out before the end.";
    @LocalServerPort
    int port;

    private final OpenApiContract contract = OpenApiContract.get();

    static boolean shippedModelsPresent() {
        Path root = Path.of(LOCATION);
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.anyMatch(p -> Files.isRegularFile(p.resolve(ArtifactFolder.MANIFEST_FILE)));
        } catch (IOException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sentiment-lstm", "sentiment-gru"})
    void clearlyPositiveAndNegativeReviewsAreLabelledRight(String model) {
        assumePresent(model);
        HttpResponse<String> response = new Http(port).postJson("/sentiment",
                "{\"texts\": [\"" + POSITIVE + "\", \"" + NEGATIVE + "\"], \"model\": \"" + model + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        contract.assertConforms("/sentiment", "post", 200, Http.mediaType(response), response.body());
        JsonNode results = Http.json(response).path("results");
        assertThat(results.get(0).path("label").asString()).as("positive review, score %s", results.get(0).path("score"))
                .isEqualTo("positive");
        assertThat(results.get(1).path("label").asString()).as("negative review, score %s", results.get(1).path("score"))
                .isEqualTo("negative");
        assertThat(Http.json(response).path("model").path("name").asString()).isEqualTo(model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sentiment-lstm", "sentiment-gru"})
    void theScoreEqualsADirectOnnxRuntimeRunOnTheSameTokenIds(String model) throws Exception {
        assumePresent(model);
        Path folder = Path.of(LOCATION, model);
        ArtifactFolder artifact = ArtifactFolder.open(folder);
        TextEncoder encoder = TextEncoder.from(artifact.manifest(), artifact.vocabulary());
        for (String review : new String[] {POSITIVE, NEGATIVE, "Not bad at all."}) {
            HttpResponse<String> response = new Http(port).postJson("/sentiment",
                    "{\"text\": \"" + review + "\", \"model\": \"" + model + "\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            contract.assertConforms("/sentiment", "post", 200, Http.mediaType(response), response.body());
            int[] ids = encoder.encode(review).ids();
            float direct = DirectOnnx.sentiment(folder, ids);
            JsonNode body = Http.json(response);
            assertThat(body.path("score").asDouble()).isCloseTo(direct, within(1e-6));
            assertThat(body.path("tokens").asInt()).isEqualTo(ids.length);
            assertThat(body.path("model").path("version").asString()).isEqualTo(artifact.manifest().version());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"forecast-temperature", "forecast-airline"})
    void aForecastHasHorizonFiniteNumbersInTheSeriesOwnUnits(String model) {
        assumePresent(model);
        Http http = new Http(port);
        JsonNode series = Http.json(http.get("/models/" + model)).path("series");
        int minLength = series.path("minLength").asInt();
        int horizon = Math.min(series.path("maxHorizon").asInt(), 6);
        double[] values = model.equals("forecast-airline") ? passengers(Math.max(minLength, 120))
                : temperatures(Math.max(minLength, 730));
        assumeTrue(values.length >= minLength, model + " needs " + minLength + " values; the test series is shorter");

        HttpResponse<String> response = http.postJson("/forecast", "{\"series\": " + json(values) + ", \"horizon\": "
                + horizon + ", \"model\": \"" + model + "\", \"lastTimestamp\": \"1990-06-30\", \"intervals\": [0.8, 0.95]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        contract.assertConforms("/forecast", "post", 200, Http.mediaType(response), response.body());
        double[] forecast = new double[horizon];
        JsonNode out = Http.json(response).path("forecast");
        assertThat(out.size()).isEqualTo(horizon);
        for (int i = 0; i < horizon; i++) {
            forecast[i] = out.get(i).asDouble();
        }
        JsonNode intervals = Http.json(response).path("intervals");
        assertThat(intervals.size()).isEqualTo(2);
        for (int i = 0; i < horizon; i++) {
            double lower80 = intervals.get(0).path("lower").get(i).asDouble();
            double upper80 = intervals.get(0).path("upper").get(i).asDouble();
            assertThat(lower80).isLessThan(forecast[i]).isGreaterThanOrEqualTo(intervals.get(1).path("lower").get(i).asDouble());
            assertThat(upper80).isGreaterThan(forecast[i]).isLessThanOrEqualTo(intervals.get(1).path("upper").get(i).asDouble());
        }
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        double spread = max - min;
        for (double v : forecast) {
            assertThat(v).isFinite().isBetween(min - spread, max + spread);
        }
    }

    @org.junit.jupiter.api.Test
    void theTemperatureModelReadsTheCalendarAndSaysSoWithoutADate() {
        assumePresent("forecast-temperature");
        HttpResponse<String> response = new Http(port).postJson("/forecast", "{\"series\": " + json(temperatures(730))
                + ", \"horizon\": 3, \"model\": \"forecast-temperature\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        contract.assertConforms("/forecast", "post", 400, Http.mediaType(response), response.body());
        assertThat(Http.json(response).path("type").asString()).isEqualTo("https://seqserve.dev/problems/timestamp-required");
    }

    private static void assumePresent(String model) {
        assumeTrue(Files.isRegularFile(Path.of(LOCATION, model, ArtifactFolder.MANIFEST_FILE)),
                () -> "skipped: " + LOCATION + "/" + model + " is absent");
    }

    /** Two years of daily minimum temperatures (°C) with Melbourne's seasons. */
    private static double[] temperatures(int days) {
        return IntStream.range(0, days)
                .mapToDouble(d -> 11.2 + 4.5 * Math.cos(2 * Math.PI * (d - 20) / 365.25) + 1.5 * Math.sin(d * 1.7))
                .toArray();
    }

    /** Ten years of monthly passenger counts (thousands) growing 10 % a year with a summer peak. */
    private static double[] passengers(int months) {
        return IntStream.range(0, months)
                .mapToDouble(m -> 120 * Math.pow(1.1, m / 12.0) * (1 + 0.15 * Math.sin(2 * Math.PI * (m - 3) / 12)))
                .toArray();
    }

    private static String json(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
