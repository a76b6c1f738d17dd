package dev.seqserve.serving.sentiment;

import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.preprocess.TokenSpans;
import dev.seqserve.serving.SeqserveProperties;
import dev.seqserve.serving.model.ModelVersion;
import dev.seqserve.serving.model.TokenIds;
import dev.seqserve.serving.model.TokenScore;
import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Explained sentiment answers: each text is one queue item like a plain one, asking the graph for its
 * {@code attributions} output, each token's contribution to the logit of the score (the change its step made to the
 * recurrent states, as the pooling and the output layer read them), run on its own by the batch worker; the most
 * tokens one request may have explained is bounded by {@code seqserve.sentiment.explain-max-tokens}, which keeps
 * the answer's size bounded too.
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
     * @throws InvalidInputException when the texts have more tokens in all than the bound, or the model cannot explain
     */
    List<SentimentResult> explain(ModelVersion<TextEncoder, TokenIds, TokenScore> model, List<String> texts) {
        if (!model.explains()) {
            throw new InvalidInputException(ProblemType.EXPLANATIONS_UNAVAILABLE, "Model " + model.ref().name()
                    + " version " + model.ref().version() + " has no attributions output; ask without \"explain\".");
        }
        List<TokenSpans> spans = new ArrayList<>(texts.size());
        List<TokenIds> inputs = new ArrayList<>(texts.size());
        int tokens = 0;
        for (String text : texts) {
            TokenSpans s = model.preprocessing().encodeWithSpans(text);
            spans.add(s);
            inputs.add(new TokenIds(s.encoded().modelIds(), true));
            tokens += s.size();
        }
        if (tokens > maxTokens) {
            throw new InvalidInputException(ProblemType.EXPLAINED_TEXT_TOO_LONG, "An explained request may have the "
                    + "model read at most " + maxTokens + " tokens; this one has " + tokens
                    + ". Explain fewer or shorter texts, or ask without \"explain\".");
        }
        List<TokenScore> scores = model.infer(inputs);
        List<SentimentResult> results = new ArrayList<>(texts.size());
        for (int r = 0; r < spans.size(); r++) {
            TokenSpans s = spans.get(r);
            TokenScore score = scores.get(r);
            List<SentimentResult.Attribution> attributions = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) {
                attributions.add(new SentimentResult.Attribution(s.tokens().get(i), s.start()[i], s.end()[i],
                        score.attributions()[i]));
            }
            results.add(SentimentResult.of(score.probability(), s.size(), s.encoded().truncated(), attributions));
        }
        return results;
    }
}
