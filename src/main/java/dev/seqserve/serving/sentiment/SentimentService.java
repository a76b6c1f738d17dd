package dev.seqserve.serving.sentiment;

import dev.seqserve.preprocess.EncodedText;
import dev.seqserve.serving.model.ModelMetrics;
import dev.seqserve.serving.model.ModelRegistry;
import dev.seqserve.serving.model.SentimentModel;
import dev.seqserve.serving.model.batch.RequestRejectedException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Scores reviews: encode with the model's own encoder, queue each for the model, label the scores. */
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
     * @param texts validated reviews
     * @return one result per text, in order, and the model that answered
     */
    Scored score(String modelName, List<String> texts) {
        long start = System.nanoTime();
        SentimentModel model = registry.sentiment(modelName);
        String outcome = "error";
        try {
            long encodeStart = System.nanoTime();
            List<EncodedText> encoded = new ArrayList<>(texts.size());
            List<int[]> ids = new ArrayList<>(texts.size());
            for (String text : texts) {
                EncodedText e = model.encoder().encode(text);
                encoded.add(e);
                ids.add(e.modelIds());
            }
            metrics.preprocessing(model.name(), "encode", System.nanoTime() - encodeStart);
            List<Float> scores = model.score(ids);
            List<SentimentResult> results = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                EncodedText e = encoded.get(i);
                results.add(SentimentResult.of(scores.get(i), e.ids().length, e.truncated()));
            }
            outcome = "success";
            return new Scored(results, model);
        } catch (RequestRejectedException e) {
            outcome = "rejected";
            throw e;
        } finally {
            metrics.request("sentiment", model.name(), outcome, texts.size(), System.nanoTime() - start);
        }
    }

    /**
     * @param results one per text
     * @param model the model that answered
     */
    record Scored(List<SentimentResult> results, SentimentModel model) {}
}
