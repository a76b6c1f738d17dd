package dev.seqserve.serving.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.seqserve.serving.FixtureModels;
import dev.seqserve.serving.ServingSliceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13, acceptance 2: V2 inference answers what {@code POST /sentiment} and {@code POST /forecast}
 * answer for the same inputs, to 1e-6, for batches of mixed lengths: one V2 request of reviews from
 * a few tokens to past the model's maximum length, and V2 requests of several series each, at
 * several lengths (for a model that reads the calendar too, with the date as a parameter), against
 * the task endpoints one input at a time.
 */
@ServingSliceTest
class V2EqualsTaskEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double TOLERANCE = 1e-6;
    /** The date of each series' last value: the calendar model reads it, the others ignore it. */
    private static final String LAST_DATE = "1990-12-31";

    @Autowired
    MockMvc mvc;

    @Test
    void sentimentProbabilitiesAndLabelsEqualThoseOfPostSentimentForReviewsOfMixedLengths() throws Exception {
        List<String> reviews = reviewsOfMixedLengths();
        for (String model : List.of(FixtureModels.SENTIMENT_LSTM, FixtureModels.SENTIMENT_GRU)) {
            JsonNode v2 = answer("/v2/models/" + model + "/infer", V2Bodies.texts(reviews));
            JsonNode probability = v2.path("outputs").get(0).path("data");
            JsonNode label = v2.path("outputs").get(1).path("data");
            JsonNode batch = answer("/sentiment", JSON.writeValueAsString(Map.of("texts", reviews, "model", model)))
                    .path("results");

            assertThat(probability).hasSize(reviews.size());
            for (int i = 0; i < reviews.size(); i++) {
                JsonNode alone = answer("/sentiment", JSON.writeValueAsString(Map.of("text", reviews.get(i), "model", model)));
                assertThat(probability.get(i).doubleValue()).as("%s review %d", model, i)
                        .isCloseTo(alone.path("score").doubleValue(), within(TOLERANCE))
                        .isCloseTo(batch.get(i).path("score").doubleValue(), within(TOLERANCE));
                assertThat(label.get(i).stringValue()).isEqualTo(alone.path("label").stringValue());
            }
        }
    }

    @Test
    void forecastsEqualThoseOfPostForecastForSeriesOfMixedLengths() throws Exception {
        Random random = new Random(13);
        for (String model : List.of(FixtureModels.FORECAST, FixtureModels.FORECAST_LOG, FixtureModels.FORECAST_CALENDAR)) {
            for (int length : new int[] {FixtureModels.WINDOW, FixtureModels.WINDOW + 5, 40}) {
                double[][] rows = new double[3][length];
                for (double[] row : rows) {
                    for (int t = 0; t < length; t++) {
                        row[t] = 5 + 3 * Math.sin(t / 3.0) + random.nextDouble();
                    }
                }
                int horizon = FixtureModels.MAX_HORIZON;
                JsonNode forecast = answer("/v2/models/" + model + "/infer", V2Bodies.series("FP64", rows, horizon,
                        LAST_DATE)).path("outputs").get(0);

                assertThat(forecast.path("shape").toString()).isEqualTo("[3," + horizon + "]");
                for (int i = 0; i < rows.length; i++) {
                    JsonNode task = answer("/forecast", JSON.writeValueAsString(Map.of("series", rows[i], "horizon", horizon,
                            "model", model, "lastTimestamp", LAST_DATE))).path("forecast");
                    for (int h = 0; h < horizon; h++) {
                        assertThat(forecast.path("data").get(i * horizon + h).doubleValue())
                                .as("%s, length %d, series %d, step %d", model, length, i, h)
                                .isCloseTo(task.get(h).doubleValue(), within(TOLERANCE));
                    }
                }
            }
        }
    }

    /** Reviews from one word to past the fixture models' maximum length, in no order of length. */
    private static List<String> reviewsOfMixedLengths() {
        List<String> reviews = new ArrayList<>(List.of("great", "a dull , boring and far too long film",
                "not good", "wonderful acting and a moving story , i loved it"));
        reviews.add(1, "the plot was bad but the acting was great ".repeat(12));
        reviews.add("terrible ".repeat(3));
        return reviews;
    }

    private JsonNode answer(String path, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }
}
