package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.testing.TinyArtifacts;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** {@code POST /sentiment} with {@code "explain": true}, over real HTTP on the fixture models. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
class SentimentExplainEndToEndTest {

    /** Starts with a character outside the BMP (two UTF-16 units) and has upper case and punctuation. */
    private static final String REVIEW = "\uD83C\uDFAC This MOVIE was not boring, the acting... excellent!";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final OpenApiContract contract = OpenApiContract.get();

    private JsonNode post(String body) {
        HttpResponse<String> response = new Http(port).postJson("/sentiment", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        contract.assertConforms("/sentiment", "post", 200, Http.mediaType(response), response.body());
        return Http.json(response);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void everyTokenReadHasOneAttributionInOrderWhoseSpanIsItsSourceInTheRequestText() {
        JsonNode explained = post("{\"text\": " + quoted(REVIEW) + ", \"explain\": true}");
        JsonNode plain = post("{\"text\": " + quoted(REVIEW) + "}");

        assertThat(plain.has("attributions")).isFalse();
        assertThat(explained.path("score").doubleValue()).isCloseTo(plain.path("score").doubleValue(), within(1e-6));
        JsonNode attributions = explained.path("attributions");
        assertThat(attributions.size()).isEqualTo(explained.path("tokens").asInt());
        int previousEnd = 0;
        List<String> tokens = new ArrayList<>();
        for (JsonNode a : attributions) {
            int start = a.path("start").asInt();
            int end = a.path("end").asInt();
            assertThat(start).isGreaterThanOrEqualTo(previousEnd);
            assertThat(REVIEW.substring(start, end).toLowerCase(java.util.Locale.ROOT)).isEqualTo(a.path("token").asString());
            tokens.add(a.path("token").asString());
            previousEnd = end;
        }
        assertThat(tokens).containsExactly("\uD83C\uDFAC", "this", "movie", "was", "not", "boring", ",", "the", "acting",
                "...", "excellent", "!");
        // the clapper board is one code point of two UTF-16 units, so the next token starts at 3, not 2
        assertThat(attributions.get(0).path("end").asInt()).isEqualTo(2);
        assertThat(attributions.get(1).path("start").asInt()).isEqualTo(3);
    }

    @Test
    void eachWeightIsTheTokensContributionAsAnUnbatchedSessionOfTheGraphGivesIt() throws Exception {
        String text = "the acting was not good , it was terrible";
        JsonNode explained = post("{\"text\": " + quoted(text) + ", \"explain\": true, \"model\": \""
                + FixtureModels.SENTIMENT_GRU + "\"}");

        Path folder = FixtureModels.folder().resolve(FixtureModels.SENTIMENT_GRU);
        String[] words = text.split(" ");
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            ids[i] = TinyArtifacts.VOCABULARY.indexOf(words[i]);
            assertThat(ids[i]).as(words[i]).isGreaterThan(1);
        }
        assertThat(explained.path("score").doubleValue()).isCloseTo(DirectOnnx.sentiment(folder, ids), within(1e-6));
        float[] alone = DirectOnnx.attributions(folder, ids);
        JsonNode attributions = explained.path("attributions");
        assertThat(attributions.size()).isEqualTo(words.length).isEqualTo(alone.length);
        for (int i = 0; i < words.length; i++) {
            assertThat(attributions.get(i).path("weight").doubleValue()).as(words[i]).isCloseTo(alone[i], within(1e-6));
        }
        assertThat(attributions).anySatisfy(a -> assertThat(Math.abs(a.path("weight").doubleValue())).isGreaterThan(1e-4));
    }

    @Test
    void explainedAnswersRepeatExactlyAndAreTheSameWhenManyArriveAtOnce() throws Exception {
        List<String> bodies = new ArrayList<>();
        String[] words = {"good", "bad", "not", "wonderful", "boring", "the", "film", "!"};
        for (int i = 0; i < 16; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0; j <= i % 7 + 2; j++) {
                text.append(words[(i + 3 * j) % words.length]).append(' ');
            }
            bodies.add(i % 2 == 0 ? "{\"text\": " + quoted(text.toString()) + ", \"explain\": true}"
                    : "{\"texts\": [" + quoted(text.toString()) + ", \"a terrible plot\"], \"explain\": true}");
        }
        List<JsonNode> alone = new ArrayList<>();
        for (String body : bodies) {
            JsonNode first = post(body);
            assertThat(post(body)).isEqualTo(first);
            alone.add(first);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> together = new ArrayList<>();
            for (String body : bodies) {
                together.add(pool.submit(() -> post(body)));
            }
            for (int i = 0; i < bodies.size(); i++) {
                assertSameAnswer(together.get(i).get(), alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertSameAnswer(JsonNode actual, JsonNode expected) {
        List<JsonNode> a = actual.has("results") ? toList(actual.path("results")) : List.of(actual);
        List<JsonNode> e = expected.has("results") ? toList(expected.path("results")) : List.of(expected);
        assertThat(a).hasSameSizeAs(e);
        for (int r = 0; r < a.size(); r++) {
            assertThat(a.get(r).path("score").doubleValue()).isCloseTo(e.get(r).path("score").doubleValue(), within(1e-6));
            JsonNode aa = a.get(r).path("attributions");
            JsonNode ea = e.get(r).path("attributions");
            assertThat(aa.size()).isEqualTo(ea.size()).isPositive();
            for (int i = 0; i < aa.size(); i++) {
                assertThat(aa.get(i).path("token")).isEqualTo(ea.get(i).path("token"));
                assertThat(aa.get(i).path("start")).isEqualTo(ea.get(i).path("start"));
                assertThat(aa.get(i).path("weight").doubleValue()).isCloseTo(ea.get(i).path("weight").doubleValue(), within(1e-6));
            }
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    @Test
    void anExplainedRequestJustWithinTheTokenBoundIsAnsweredInFullAndTimed() {
        String text = quoted("good ".repeat(TinyArtifacts.MAX_LENGTH));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 62; i++) {
            texts.add(text);
        }
        Timer before = meters.find("seqserve.explain").tag("model", FixtureModels.SENTIMENT_LSTM)
                .tag("outcome", "success").timer();
        long count = before == null ? 0 : before.count();

        JsonNode answer = post("{\"texts\": [" + String.join(", ", texts) + "], \"explain\": true}");

        assertThat(answer.path("results").size()).isEqualTo(62);
        answer.path("results").forEach(r -> assertThat(r.path("attributions").size()).isEqualTo(TinyArtifacts.MAX_LENGTH));
        assertThat(meters.find("seqserve.explain").tag("model", FixtureModels.SENTIMENT_LSTM).tag("outcome", "success")
                .timer()).isNotNull().satisfies(t -> assertThat(t.count()).isEqualTo(count + 1));
    }
}
