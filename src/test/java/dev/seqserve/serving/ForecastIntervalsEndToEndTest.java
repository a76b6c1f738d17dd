package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** {@code POST /forecast} with prediction intervals and with a model that reads the calendar, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
class ForecastIntervalsEndToEndTest {

    private static final String SERIES = "[10.5, 11.0, 9.5, 12.0, 13.5, 12.5, 11.0, 10.0, 9.0, 11.5]";

    @LocalServerPort
    int port;

    private final OpenApiContract contract = OpenApiContract.get();

    private JsonNode post(String body) {
        HttpResponse<String> response = new Http(port).postJson("/forecast", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        contract.assertConforms("/forecast", "post", 200, Http.mediaType(response), response.body());
        return Http.json(response);
    }

    @Test
    void intervalsComeInTheRequestsOrderAroundTheForecastWithTheCalibratedRadius() {
        JsonNode body = post("{\"series\": " + SERIES + ", \"horizon\": 3, \"intervals\": [0.95, 0.8]}");

        JsonNode forecast = body.path("forecast");
        JsonNode intervals = body.path("intervals");
        assertThat(intervals.size()).isEqualTo(2);
        assertThat(intervals.get(0).path("level").asDouble()).isEqualTo(0.95);
        assertThat(intervals.get(1).path("level").asDouble()).isEqualTo(0.8);
        // The fixture's step-h scores are 0.1·(h+1)·i, i = 1..19: level α takes rank ⌈20·α⌉ (19 and 16).
        int[] ranks = {19, 16};
        for (int k = 0; k < 2; k++) {
            JsonNode lower = intervals.get(k).path("lower");
            JsonNode upper = intervals.get(k).path("upper");
            assertThat(lower.size()).isEqualTo(3);
            assertThat(upper.size()).isEqualTo(3);
            for (int h = 0; h < 3; h++) {
                double f = forecast.get(h).asDouble();
                double radius = 0.1 * (h + 1) * ranks[k];
                assertThat(lower.get(h).asDouble()).isLessThanOrEqualTo(f).isCloseTo(f - radius, within(1e-9));
                assertThat(upper.get(h).asDouble()).isGreaterThanOrEqualTo(f).isCloseTo(f + radius, within(1e-9));
            }
        }
    }

    @Test
    void withoutIntervalsTheAnswerHasNone() {
        assertThat(post("{\"series\": " + SERIES + ", \"horizon\": 2}").has("intervals")).isFalse();
    }

    @Test
    void answersWithIntervalsRepeatExactlyAndEqualTheUnbatchedAnswersWhenBatched() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            bodies.add("{\"series\": [" + (9 + i % 6) + ", 11.0, 9.5, 12.0, 13.5, 12.5, 11.0, 10.0, 9.0, " + (10 + i % 4)
                    + "], \"horizon\": 4, \"intervals\": [0.8, 0.5, 0.95]}");
        }
        List<JsonNode> alone = new ArrayList<>();
        for (String body : bodies) {
            JsonNode first = post(body);
            assertThat(post(body)).isEqualTo(first);
            alone.add(first);
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<JsonNode>> together = new ArrayList<>();
                for (String body : bodies) {
                    together.add(pool.submit(() -> post(body)));
                }
                for (int i = 0; i < bodies.size(); i++) {
                    assertClose(together.get(i).get(), alone.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCalendarModelReadsTheDateOfTheLastValue() {
        String series = "{\"series\": " + SERIES + ", \"horizon\": 4, \"intervals\": [0.8], \"model\": \""
                + FixtureModels.FORECAST_CALENDAR + "\", \"lastTimestamp\": ";
        JsonNode summer = post(series + "\"1989-01-15\"}");
        JsonNode winter = post(series + "\"1989-07-15T00:00:00Z\"}");
        JsonNode sameDay = post(series + "\"1989-07-15\"}");

        assertThat(summer.path("forecast")).isNotEqualTo(winter.path("forecast"));
        assertThat(sameDay).isEqualTo(winter);
        assertThat(summer.path("intervals").get(0).path("lower").size()).isEqualTo(4);
    }

    private static void assertClose(JsonNode actual, JsonNode expected) {
        assertThat(actual.path("forecast").size()).isEqualTo(expected.path("forecast").size());
        for (int h = 0; h < expected.path("forecast").size(); h++) {
            assertThat(actual.path("forecast").get(h).asDouble()).isCloseTo(expected.path("forecast").get(h).asDouble(),
                    within(1e-6));
        }
        for (int k = 0; k < expected.path("intervals").size(); k++) {
            JsonNode a = actual.path("intervals").get(k);
            JsonNode e = expected.path("intervals").get(k);
            assertThat(a.path("level").asDouble()).isEqualTo(e.path("level").asDouble());
            for (String bound : new String[] {"lower", "upper"}) {
                for (int h = 0; h < e.path(bound).size(); h++) {
                    assertThat(a.path(bound).get(h).asDouble()).isCloseTo(e.path(bound).get(h).asDouble(), within(1e-6));
                }
            }
        }
    }
}
