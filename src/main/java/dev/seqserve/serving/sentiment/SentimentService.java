package dev.seqserve.serving.sentiment;

import dev.seqserve.preprocess.EncodedText;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.serving.model.ModelLease;
import dev.seqserve.serving.model.ModelMetrics;
import dev.seqserve.serving.model.ModelRef;
import dev.seqserve.serving.model.ModelRegistry;
import dev.seqserve.serving.model.ModelVersion;
import dev.seqserve.serving.model.TaskType;
import dev.seqserve.serving.model.batch.RequestRejectedException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Scores reviews: lease the model's serving version, encode with that version's own encoder, queue
 * each text for it, label the scores.
 */
@Service
class SentimentService {

    private final ModelRegistry registry;
    private final ModelMetrics metrics;

    SentimentService(ModelRegistry registry, ModelMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    /**
     * @param modelName a model's name, or {@code null} for the default
     * @param version the version asked for, or {@code null} for the serving one
     * @param texts validated reviews
     * @return one result per text, in order, and the version that answered
     */
    Scored score(String modelName, String version, List<String> texts) {
        long start = System.nanoTime();
        try (ModelLease<TextEncoder, int[], Float> lease = registry.lease(TaskType.SENTIMENT, modelName, version)) {
            ModelVersion<TextEncoder, int[], Float> model = lease.version();
            String outcome = "error";
            try {
                long encodeStart = System.nanoTime();
                List<EncodedText> encoded = new ArrayList<>(texts.size());
                List<int[]> ids = new ArrayList<>(texts.size());
                for (String text : texts) {
                    EncodedText e = model.preprocessing().encode(text);
                    encoded.add(e);
                    ids.add(e.modelIds());
                }
                metrics.preprocessing(model.ref(), "encode", System.nanoTime() - encodeStart);
                List<Float> scores = model.infer(ids);
                List<SentimentResult> results = new ArrayList<>(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    EncodedText e = encoded.get(i);
                    results.add(SentimentResult.of(scores.get(i), e.ids().length, e.truncated()));
                }
                outcome = "success";
                return new Scored(results, model.ref());
            } catch (RequestRejectedException e) {
                outcome = "rejected";
                throw e;
            } finally {
                metrics.request(TaskType.SENTIMENT.label(), model.ref(), outcome, texts.size(), System.nanoTime() - start);
            }
        }
    }

    /**
     * @param results one per text
     * @param model the version that answered
     */
    record Scored(List<SentimentResult> results, ModelRef model) {}
}
