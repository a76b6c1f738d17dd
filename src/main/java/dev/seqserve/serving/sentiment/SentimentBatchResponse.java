package dev.seqserve.serving.sentiment;

import dev.seqserve.serving.model.ModelRef;
import java.util.List;

/**
 * The answer to a request with {@code texts}.
 *
 * @param results one result per text, in the request's order
 * @param model the model that answered
 */
record SentimentBatchResponse(List<SentimentResult> results, ModelRef model) {}
