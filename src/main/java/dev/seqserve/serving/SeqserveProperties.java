package dev.seqserve.serving;

import dev.seqserve.serving.model.batch.BatchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * @param admin the admin API's credentials
 * @param apiKeys keys an inference request must send in {@code X-API-Key}; none means inference is open
 * @param shutdown how the service stops
 */
@ConfigurationProperties("seqserve")
public record SeqserveProperties(
        @DefaultValue Models models,
        @DefaultValue Batching batching,
        @DefaultValue Sentiment sentiment,
        @DefaultValue Forecast forecast,
        @DefaultValue Limits limits,
        @DefaultValue Admin admin,
        List<String> apiKeys,
        @DefaultValue Shutdown shutdown) {

    /** The fewest characters a configured secret (admin token, API key) may have. */
    public static final int MIN_SECRET_LENGTH = 16;

    public SeqserveProperties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        apiKeys.forEach(key -> require(key.length() >= MIN_SECRET_LENGTH,
                "every seqserve.api-keys entry must have at least " + MIN_SECRET_LENGTH + " characters"));
    }

    /**
     * Model loading and ONNX Runtime threads.
     *
     * @param location the folder whose every sub-folder is one model: one artifact, or one
     *     sub-folder per version
     * @param intraOpThreads ONNX Runtime threads inside one operator, per session
     * @param interOpThreads ONNX Runtime threads across independent operators, per session
     * @param closeTimeout how long closing a session waits for its running inferences
     * @param pins the version each named model serves, instead of its newest
     * @param pollInterval how often the model folders are checked for new versions; absent or zero
     *     means never (reload through the admin API)
     */
    public record Models(
            @DefaultValue("model-artifacts") Path location,
            @DefaultValue("1") int intraOpThreads,
            @DefaultValue("1") int interOpThreads,
            @DefaultValue("10s") Duration closeTimeout,
            Map<String, String> pins,
            Duration pollInterval) {

        public Models {
            require(intraOpThreads >= 1 && interOpThreads >= 1, "ONNX Runtime thread counts must be at least 1");
            pins = pins == null ? Map.of() : Map.copyOf(pins);
            pollInterval = pollInterval == null ? Duration.ZERO : pollInterval;
            require(!pollInterval.isNegative(), "seqserve.models.poll-interval must not be negative");
        }
    }

    /**
     * The micro-batching queue in front of each model's session.
     *
     * @param maxBatchSize the most requests run together
     * @param maxDelay how long the oldest waiting request waits for others
     * @param queueCapacity the most waiting requests; past it requests get 503
     * @param deadline how long a request may wait to start before it gets 503
     * @param workers how many batches of one model may run at once, each on its own platform thread (every
     *     session run happens there); unset, as many as the processors the JVM may use, which follows a
     *     container's CPU limit and a {@code taskset} mask, so two session runs never share one core by default
     * @param overrides per-model replacements of the settings above, by model name
     */
    public record Batching(
            @DefaultValue("32") int maxBatchSize,
            @DefaultValue("2ms") Duration maxDelay,
            @DefaultValue("1024") int queueCapacity,
            @DefaultValue("10s") Duration deadline,
            Integer workers,
            Map<String, ModelBatching> overrides) {

        public Batching {
            workers = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        }

        /** The settings of one model's queue: these defaults with the model's overrides. */
        public BatchSettings forModel(String model) {
            ModelBatching o = overrides.getOrDefault(model, ModelBatching.NONE);
            return new BatchSettings(
                    o.maxBatchSize() != null ? o.maxBatchSize() : maxBatchSize,
                    o.maxDelay() != null ? o.maxDelay() : maxDelay,
                    o.queueCapacity() != null ? o.queueCapacity() : queueCapacity,
                    o.deadline() != null ? o.deadline() : deadline,
                    o.workers() != null ? o.workers() : workers,
                    model);
        }

        /** Per-model settings; an absent value keeps the default. */
        public record ModelBatching(
                Integer maxBatchSize, Duration maxDelay, Integer queueCapacity, Duration deadline, Integer workers) {

            static final ModelBatching NONE = new ModelBatching(null, null, null, null, null);
        }
    }

    /**
     * {@code POST /sentiment}.
     *
     * @param defaultModel the model used when a request names none
     * @param maxTexts the most texts in one request
     * @param maxTextLength the most characters in one text
     * @param explainMaxTokens the most tokens one explained request may have the model read, over all its
     *     texts: each has an attribution in the answer
     */
    public record Sentiment(
            @DefaultValue("sentiment-lstm") String defaultModel,
            @DefaultValue("64") int maxTexts,
            @DefaultValue("20000") int maxTextLength,
            @DefaultValue("4000") int explainMaxTokens) {}

    /**
     * {@code POST /forecast}.
     *
     * @param defaultModel the model used when a request names none
     * @param maxSeriesLength the most values in one series
     * @param maxSeries the most series in one request (a V2 inference request's batch; {@code POST /forecast}
     *     takes one)
     */
    public record Forecast(
            @DefaultValue("forecast-temperature") String defaultModel,
            @DefaultValue("10000") int maxSeriesLength,
            @DefaultValue("64") int maxSeries) {}

    /**
     * Limits on every request.
     *
     * @param maxRequestSize the largest request body; larger ones get 413
     * @param requestTimeout the longest a request waits for its inference before it gets 503
     * @param bodyReadTimeout the longest a request body that did not come with its headers may take to arrive in
     *     full before it gets 408 (and the longest any blocking read of a body waits)
     * @param maxBufferedBodies the most bytes of request bodies held in memory at once while they arrive or are
     *     read; a body that would pass it gets 503 with {@code Retry-After}
     */
    public record Limits(
            @DefaultValue("4MB") DataSize maxRequestSize,
            @DefaultValue("30s") Duration requestTimeout,
            @DefaultValue("10s") Duration bodyReadTimeout,
            @DefaultValue("256MB") DataSize maxBufferedBodies) {}

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

    /**
     * The admin API ({@code /admin/**}).
     *
     * @param token the bearer token admin calls must send ({@code SEQSERVE_ADMIN_TOKEN}); none switches
     *     the admin API off
     */
    public record Admin(String token) {

        public Admin {
            token = token == null || token.isBlank() ? null : token;
            require(token == null || token.length() >= MIN_SECRET_LENGTH,
                    "seqserve.admin.token must have at least " + MIN_SECRET_LENGTH + " characters");
        }

        /** Whether a token is configured, so the admin API is on. */
        public boolean enabled() {
            return token != null;
        }

        /** Never shows the token. */
        @Override
        public String toString() {
            return "Admin[token=" + (token == null ? "none" : "(set)") + "]";
        }
    }

    /** Shows how many API keys are set, never the keys or the admin token. */
    @Override
    public String toString() {
        return "SeqserveProperties[models=" + models + ", batching=" + batching + ", sentiment=" + sentiment
                + ", forecast=" + forecast + ", limits=" + limits + ", admin=" + admin + ", apiKeys=" + apiKeys.size()
                + " set]";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
