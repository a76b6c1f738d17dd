package dev.seqserve.serving.sentiment;

import dev.seqserve.preprocess.EncodedText;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.serving.model.ModelLease;
import dev.seqserve.serving.model.ModelMetrics;
import dev.seqserve.serving.model.ModelRef;
import dev.seqserve.serving.model.ModelRegistry;
import dev.seqserve.serving.model.ModelVersion;
import dev.seqserve.serving.model.Protocol;
import dev.seqserve.serving.model.TaskType;
import dev.seqserve.serving.model.TokenIds;
import dev.seqserve.serving.model.TokenScore;
import dev.seqserve.serving.model.batch.RequestRejectedException;
import dev.seqserve.serving.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Scores reviews: lease the model's serving version, encode with that version's own encoder, queue
 * each text for it, label the scores.
 */
@Service
public class SentimentService {

    private final ModelRegistry registry;
    private final ModelMetrics metrics;
    private final TokenAttributions attributions;

    SentimentService(ModelRegistry registry, ModelMetrics metrics, TokenAttributions attributions) {
        this.registry = registry;
        this.metrics = metrics;
        this.attributions = attributions;
    }

    /**
     * @param protocol the API the request arrived through, for the metrics
     * @param modelName a model's name, or {@code null} for the default
     * @param version the version asked for, or {@code null} for the serving one
     * @param texts validated reviews
     * @param explain whether each result carries its tokens' attributions
     * @return one result per text, in order, and the version that answered
     */
    public Scored score(Protocol protocol, String modelName, String version, List<String> texts, boolean explain) {
        long start = System.nanoTime();
        try (ModelLease<TextEncoder, TokenIds, TokenScore> lease = registry.lease(TaskType.SENTIMENT, modelName, version)) {
            ModelVersion<TextEncoder, TokenIds, TokenScore> model = lease.version();
            String outcome = "error";
            try {
                if (explain) {
                    List<SentimentResult> explained = attributions.explain(model, texts);
                    outcome = "success";
                    return new Scored(explained, model.ref());
                }
                long encodeStart = System.nanoTime();
                List<EncodedText> encoded = new ArrayList<>(texts.size());
                List<TokenIds> ids = new ArrayList<>(texts.size());
                for (String text : texts) {
                    EncodedText e = model.preprocessing().encode(text);
                    encoded.add(e);
                    ids.add(TokenIds.plain(e.modelIds()));
                }
                metrics.preprocessing(model.ref(), "encode", System.nanoTime() - encodeStart);
                List<TokenScore> scores = model.infer(ids);
                List<SentimentResult> results = new ArrayList<>(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    EncodedText e = encoded.get(i);
                    results.add(SentimentResult.of(scores.get(i).probability(), e.ids().length, e.truncated()));
                }
                outcome = "success";
                return new Scored(results, model.ref());
            } catch (InvalidInputException e) {
                outcome = "invalid";
                throw e;
            } catch (RequestRejectedException e) {
                outcome = "rejected";
                throw e;
            } finally {
                long nanos = System.nanoTime() - start;
                metrics.request(protocol, TaskType.SENTIMENT.label(), model.ref(), outcome, texts.size(), nanos);
                if (explain) {
                    metrics.explained(model.ref(), outcome, nanos);
                }
            }
        }
    }

    /**
     * Scored reviews.
     *
     * @param results one per text
     * @param model the version that answered
     */
    public record Scored(List<SentimentResult> results, ModelRef model) {}
}
