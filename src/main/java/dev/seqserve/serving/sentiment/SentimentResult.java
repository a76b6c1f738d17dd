package dev.seqserve.serving.sentiment;

/**
 * The sentiment of one review.
 *
 * @param label {@code positive} when the score is at least 0.5, else {@code negative}
 * @param score the model's probability that the review is positive
 * @param tokens how many tokens the model read
 * @param truncated whether the review had more tokens than the model reads
 */
record SentimentResult(String label, float score, int tokens, boolean truncated) {

    static final float THRESHOLD = 0.5f;

    static SentimentResult of(float score, int tokens, boolean truncated) {
        return new SentimentResult(score >= THRESHOLD ? "positive" : "negative", score, tokens, truncated);
    }
}
