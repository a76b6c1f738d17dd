package dev.seqserve.serving.sentiment;

import dev.seqserve.preprocess.Occlusion;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.preprocess.TokenSpans;
import dev.seqserve.serving.SeqserveProperties;
import dev.seqserve.serving.model.ModelVersion;
import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Explained sentiment answers by leave-one-out occlusion ({@link Occlusion}): a text with n tokens is
 * scored whole and once without each token, n + 1 ordinary queue items that batch with everyone else's.
 * They are queued one round of the batch workers at a time ({@link ModelVersion#batchRound}), so plain
 * requests that arrive meanwhile wait for at most one round, not for the whole explanation; the most
 * tokens one request may have explained is bounded by {@code seqserve.sentiment.explain-max-tokens}.
 */
@Service
class TokenAttributions {

    private final int maxTokens;

    TokenAttributions(SeqserveProperties properties) {
        this.maxTokens = properties.sentiment().explainMaxTokens();
    }

    /**
     * @param texts validated reviews
     * @return one result per text, in order, each with the weight of every token read
     * @throws InvalidInputException when the texts have more tokens in all than the bound
     */
    Explained explain(ModelVersion<TextEncoder, int[], Float> model, List<String> texts) {
        List<TokenSpans> spans = new ArrayList<>(texts.size());
        int tokens = 0;
        for (String text : texts) {
            TokenSpans s = model.preprocessing().encodeWithSpans(text);
            spans.add(s);
            tokens += s.size();
        }
        if (tokens > maxTokens) {
            throw new InvalidInputException(ProblemType.EXPLAINED_TEXT_TOO_LONG, "An explained request may have the "
                    + "model read at most " + maxTokens + " tokens, each costing one more inference; this one has "
                    + tokens + ". Explain fewer or shorter texts, or ask without \"explain\".");
        }
        List<int[]> inputs = new ArrayList<>(texts.size() + tokens);
        for (TokenSpans s : spans) {
            int[] ids = s.encoded().modelIds();
            inputs.add(ids);
            if (s.size() > 0) {
                Collections.addAll(inputs, Occlusion.variants(ids));
            }
        }
        List<Float> scores = new ArrayList<>(inputs.size());
        int round = model.batchRound();
        for (int from = 0; from < inputs.size(); from += round) {
            scores.addAll(model.infer(inputs.subList(from, Math.min(inputs.size(), from + round))));
        }
        List<SentimentResult> results = new ArrayList<>(texts.size());
        int next = 0;
        for (TokenSpans s : spans) {
            float full = scores.get(next++);
            float[] without = new float[s.size()];
            for (int i = 0; i < without.length; i++) {
                without[i] = scores.get(next++);
            }
            float[] weights = Occlusion.weights(full, without);
            List<SentimentResult.Attribution> attributions = new ArrayList<>(weights.length);
            for (int i = 0; i < weights.length; i++) {
                attributions.add(new SentimentResult.Attribution(s.tokens().get(i), s.start()[i], s.end()[i], weights[i]));
            }
            results.add(SentimentResult.of(full, s.size(), s.encoded().truncated(), attributions));
        }
        return new Explained(results, inputs.size());
    }

    /**
     * @param results one per text
     * @param inferences the queue items the request cost: every text and every variant of it
     */
    record Explained(List<SentimentResult> results, int inferences) {}
}
