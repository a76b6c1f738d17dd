package dev.seqserve.serving.v2;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.serving.model.Protocol;
import dev.seqserve.serving.sentiment.SentimentRequest;
import dev.seqserve.serving.sentiment.SentimentResult;
import dev.seqserve.serving.sentiment.SentimentService;
import dev.seqserve.serving.web.RequestValidator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Sentiment models in V2: input {@code text} ({@code BYTES}, shape {@code [n]}), the reviews themselves,
 * tokenized by the server with the version's own vocabulary; outputs {@code probability}
 * ({@code FP32}, {@code [n]}, of the positive class) and {@code label} ({@code BYTES}, {@code [n]}).
 * The reviews are checked as {@code POST /sentiment} checks {@code texts} and queued one by one, so they
 * batch by length with every other request.
 */
@Service
final class SentimentTensors implements TaskTensors {

    static final String TEXT = "text";
    static final String PROBABILITY = "probability";
    static final String LABEL = "label";

    private static final long[] BATCH = {-1};

    private final SentimentService service;
    private final RequestValidator validator;

    SentimentTensors(SentimentService service, RequestValidator validator) {
        this.service = service;
        this.validator = validator;
    }

    @Override
    public Manifest.Task task() {
        return Manifest.Task.SENTIMENT;
    }

    @Override
    public List<ModelMetadata.Tensor> inputs() {
        return List.of(new ModelMetadata.Tensor(TEXT, Tensors.BYTES, BATCH));
    }

    @Override
    public List<ModelMetadata.Tensor> outputs() {
        return List.of(new ModelMetadata.Tensor(PROBABILITY, Tensors.FP32, BATCH),
                new ModelMetadata.Tensor(LABEL, Tensors.BYTES, BATCH));
    }

    @Override
    public Map<String, String> properties(Manifest manifest) {
        return Map.of("task", "sentiment", "max_tokens", Integer.toString(manifest.text().maxLength()));
    }

    @Override
    public Inferred infer(String model, String version, InferenceRequest request) {
        InferenceRequest.Input input = Tensors.only(request, TEXT);
        Tensors.datatype(input, Tensors.BYTES);
        long[] shape = Tensors.shape(input, 1, "[n]");
        List<String> texts = TensorData.strings(input, TensorData.elements(input, shape));
        validator.check(SentimentRequest.ofTexts(texts, model, version), field -> field.replace("texts", TEXT));
        SentimentService.Scored scored = service.score(Protocol.V2, model, version, texts, false);
        List<SentimentResult> results = scored.results();
        float[] probabilities = new float[results.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = results.get(i).score();
        }
        long[] n = {results.size()};
        return new Inferred(scored.model(), List.of(
                new InferenceResponse.Output(PROBABILITY, Tensors.FP32, n, probabilities),
                new InferenceResponse.Output(LABEL, Tensors.BYTES, n, results.stream().map(SentimentResult::label).toList())));
    }
}
