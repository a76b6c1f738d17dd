package dev.seqserve.serving;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's settings under {@code seqserve.*}; {@code application.yaml} documents each one.
 *
 * @param models where the artifacts are and how their ONNX Runtime sessions run
 * @param batching how requests are queued and batched per model
 * @param sentiment limits and defaults of {@code POST /sentiment}
 * @param forecast limits and defaults of {@code POST /forecast}
 * @param limits request-wide limits
 * @param shutdown how the service stops
 */
@ConfigurationProperties("seqserve")
public record SeqserveProperties(
        @DefaultValue Models models,
        @DefaultValue Batching batching,
        @DefaultValue Sentiment sentiment,
        @DefaultValue Forecast forecast,
        @DefaultValue Limits limits,
        @DefaultValue Shutdown shutdown) {

    /**
     * Model loading and ONNX Runtime threads.
     *
     * @param location the folder whose every sub-folder is one model artifact
     * @param intraOpThreads ONNX Runtime threads inside one operator, per session
     * @param interOpThreads ONNX Runtime threads across independent operators, per session
     * @param closeTimeout how long closing a session waits for its running inferences
     */
    public record Models(
            @DefaultValue("model-artifacts") Path location,
            @DefaultValue("1") int intraOpThreads,
            @DefaultValue("1") int interOpThreads,
            @DefaultValue("10s") Duration closeTimeout) {

        public Models {
            require(intraOpThreads >= 1 && interOpThreads >= 1, "ONNX Runtime thread counts must be at least 1");
        }
    }

    /**
     * The micro-batching queue in front of each model's session.
     *
     * @param maxBatchSize the most requests run together
     * @param maxDelay how long the oldest waiting request waits for others
     * @param queueCapacity the most waiting requests; past it requests get 503
     * @param deadline how long a request may wait to start before it gets 503
     * @param workers how many batches of one model may run at once (a lone request may run on its
     *     caller's thread in an idle worker's place)
     * @param overrides per-model replacements of the settings above, by model name
     */
    public record Batching(
            @DefaultValue("32") int maxBatchSize,
            @DefaultValue("2ms") Duration maxDelay,
            @DefaultValue("1024") int queueCapacity,
            @DefaultValue("10s") Duration deadline,
            @DefaultValue("2") int workers,
            Map<String, ModelBatching> overrides) {

        public Batching {
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        }

        /** Per-model settings; an absent value keeps the default. */
        public record ModelBatching(
                Integer maxBatchSize, Duration maxDelay, Integer queueCapacity, Duration deadline, Integer workers) {}
    }

    /**
     * {@code POST /sentiment}.
     *
     * @param defaultModel the model used when a request names none
     * @param maxTexts the most texts in one request
     * @param maxTextLength the most characters in one text
     */
    public record Sentiment(
            @DefaultValue("sentiment-lstm") String defaultModel,
            @DefaultValue("64") int maxTexts,
            @DefaultValue("20000") int maxTextLength) {}

    /**
     * {@code POST /forecast}.
     *
     * @param defaultModel the model used when a request names none
     * @param maxSeriesLength the most values in one series
     */
    public record Forecast(
            @DefaultValue("forecast-temperature") String defaultModel,
            @DefaultValue("10000") int maxSeriesLength) {}

    /**
     * Limits on every request.
     *
     * @param maxRequestSize the largest request body; larger ones get 413
     * @param requestTimeout the longest a request waits for its inference before it gets 503
     * @param bodyReadTimeout the longest a read of the request body may wait for bytes before it gets 408
     */
    public record Limits(
            @DefaultValue("4MB") DataSize maxRequestSize,
            @DefaultValue("30s") Duration requestTimeout,
            @DefaultValue("10s") Duration bodyReadTimeout) {}

    /**
     * Stopping.
     *
     * @param gracePeriod how long the server keeps accepting after readiness has gone DOWN
     */
    public record Shutdown(@DefaultValue("0s") Duration gracePeriod) {

        public Shutdown {
            require(!gracePeriod.isNegative(), "seqserve.shutdown.grace-period must not be negative");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
