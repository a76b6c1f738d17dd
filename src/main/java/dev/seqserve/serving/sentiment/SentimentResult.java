package dev.seqserve.serving.sentiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The sentiment of one review.
 *
 * @param label {@code positive} when the score is at least 0.5, else {@code negative}
 * @param score the model's probability that the review is positive
 * @param tokens how many tokens the model read
 * @param truncated whether the review had more tokens than the model reads
 * @param attributions one per token the model read, in order, when the request asked for them
 */
public record SentimentResult(String label, float score, int tokens, boolean truncated,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Attribution> attributions) {

    static final float THRESHOLD = 0.5f;

    static SentimentResult of(float score, int tokens, boolean truncated) {
        return of(score, tokens, truncated, null);
    }

    static SentimentResult of(float score, int tokens, boolean truncated, List<Attribution> attributions) {
        return new SentimentResult(score >= THRESHOLD ? "positive" : "negative", score, tokens, truncated, attributions);
    }

    /**
     * How much one token the model read moved its score.
     *
     * @param token the token as the model's tokenizer produced it (lower-cased, say)
     * @param start where it starts in the request's text, in UTF-16 code units
     * @param end where it ends (exclusive)
     * @param weight the score with the token minus the score without it: positive pushes towards {@code positive}
     */
    record Attribution(String token, int start, int end, float weight) {}
}
