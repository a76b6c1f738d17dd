package dev.seqserve.serving.sentiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.seqserve.serving.model.ModelRef;
import java.util.List;

/**
 * The answer to a request with {@code text}.
 *
 * @param label {@code positive} or {@code negative}
 * @param score the probability that the review is positive
 * @param tokens how many tokens the model read
 * @param truncated whether the review was cut to the model's maximum length
 * @param model the model that answered
 * @param attributions one per token the model read, in order, when the request asked for them
 */
record SentimentResponse(String label, float score, int tokens, boolean truncated, ModelRef model,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SentimentResult.Attribution> attributions) {

    static SentimentResponse of(SentimentResult result, ModelRef model) {
        return new SentimentResponse(result.label(), result.score(), result.tokens(), result.truncated(), model,
                result.attributions());
    }
}
