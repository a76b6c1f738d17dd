package dev.seqserve.training.sentiment;

import dev.seqserve.preprocess.EncodedText;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.preprocess.TokenSpans;
import dev.seqserve.training.data.Review;
import dev.seqserve.training.eval.OnnxEvaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Checks that a model's token attributions (each token's contribution to the logit, the graph's {@code attributions}
 * output) mean what they say, and renders examples: on each
 * review, removing the {@value #REMOVED} tokens whose weights most support the predicted label should move the
 * score towards the other label far more than removing {@value #REMOVED} tokens drawn at random.
 */
final class Explanations {

    /** Tokens removed per review. */
    static final int REMOVED = 5;
    /** Reviews shorter than this are skipped: removing five tokens would leave almost nothing. */
    static final int MIN_TOKENS = 2 * REMOVED;
    /** Scores token-id sequences and explains one: the shipped ONNX file. */
    interface Scorer {
        float[] score(int[][] tokens) throws Exception;

        /** One sequence's score and each of its tokens' weight. */
        OnnxEvaluation.Attributed attribute(int[] ids) throws Exception;
    }

    /**
     * The faithfulness check's outcome.
     *
     * @param reviews reviews checked
     * @param topShift mean move of the score towards the other label when the top tokens are removed
     * @param randomShift the same for random tokens
     */
    record Faithfulness(int reviews, double topShift, double randomShift) {

        /** How many times further the top tokens move the score than random ones. */
        double ratio() {
            return topShift / randomShift;
        }
    }

    /** One explained review: its tokens, spans and weights, for rendering. */
    record Explained(Review review, TokenSpans spans, float score, float[] weights) {}

    private final TextEncoder encoder;
    private final Scorer scorer;

    Explanations(TextEncoder encoder, Scorer scorer) {
        this.encoder = encoder;
        this.scorer = scorer;
    }

    /** The first review of that label short enough to read as an example (the first review when none is). */
    static Review example(List<Review> reviews, boolean positive) {
        return reviews.stream().filter(r -> r.positive() == positive && r.text().length() <= 600).findFirst()
                .orElse(reviews.get(0));
    }

    Explained explain(Review review) throws Exception {
        TokenSpans spans = encoder.encodeWithSpans(review.text());
        OnnxEvaluation.Attributed attributed = scorer.attribute(spans.encoded().modelIds());
        float[] weights = Arrays.copyOf(attributed.attributions(), spans.size());
        return new Explained(review, spans, attributed.probability(), weights);
    }

    /** The check on the first {@code count} reviews of at least {@value #MIN_TOKENS} tokens, random draws seeded. */
    Faithfulness faithfulness(List<Review> reviews, int count, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        double top = 0;
        double rand = 0;
        int checked = 0;
        for (Review review : reviews) {
            if (checked == count) {
                break;
            }
            EncodedText encoded = encoder.encode(review.text());
            if (encoded.ids().length < MIN_TOKENS) {
                continue;
            }
            int[] ids = encoded.ids();
            OnnxEvaluation.Attributed attributed = scorer.attribute(ids);
            float score = attributed.probability();
            float[] weights = attributed.attributions();
            boolean positive = score >= 0.5f;
            int[] strongest = IntStream.range(0, ids.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> positive ? -weights[i] : weights[i])
                            .thenComparingInt(i -> i))
                    .limit(REMOVED).mapToInt(Integer::intValue).toArray();
            int[] drawn = random.ints(0, ids.length).distinct().limit(REMOVED).toArray();
            float[] after = scorer.score(new int[][] {without(ids, strongest), without(ids, drawn)});
            top += positive ? score - after[0] : after[0] - score;
            rand += positive ? score - after[1] : after[1] - score;
            checked++;
        }
        if (checked == 0) {
            throw new IllegalArgumentException("no review has " + MIN_TOKENS + " tokens");
        }
        return new Faithfulness(checked, top / checked, rand / checked);
    }

    private static int[] without(int[] ids, int[] positions) {
        boolean[] drop = new boolean[ids.length];
        for (int p : positions) {
            drop[p] = true;
        }
        int[] kept = new int[ids.length - positions.length];
        int k = 0;
        for (int i = 0; i < ids.length; i++) {
            if (!drop[i]) {
                kept[k++] = ids[i];
            }
        }
        return new EncodedText(kept, kept.length, false).modelIds();
    }

    /**
     * Markdown naming a review by its id and listing its {@code marked} tokens of largest |weight| with their
     * weights; the review's text is not copied into the report (it stays in the data set).
     */
    static String render(Explained e, int marked) {
        int n = e.spans().size();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(e.weights()[i])).thenComparingInt(i -> i));
        List<String> listed = new ArrayList<>();
        for (int k = 0; k < Math.min(marked, n); k++) {
            int i = order[k];
            listed.add(String.format(Locale.ROOT, "`%s` %+.3f", e.spans().tokens().get(i), e.weights()[i]));
        }
        // The review itself stays in the data set: the report names it, a client renders it from the API's answer.
        return String.format(Locale.ROOT, "Review `%s` of the %s reviews: label `%s`, score %.3f (%s). %d tokens read. "
                        + "Its text stays in the data set: POST it to `/sentiment` with `\"explain\": true` for every "
                        + "token's weight and span.%n%nStrongest: %s%n",
                e.review().id(), e.review().split(), e.review().positive() ? "positive" : "negative", e.score(),
                e.score() >= 0.5f ? "positive" : "negative", n, String.join(", ", listed));
    }
}
