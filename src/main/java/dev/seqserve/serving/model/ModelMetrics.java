package dev.seqserve.serving.model;

import dev.seqserve.serving.model.batch.BatchListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The service's own meters, tagged by {@code model} and {@code version} and a few low-cardinality
 * tags, timers with histogram buckets so that replicas aggregate: {@code seqserve.request} (whole
 * request, by {@code protocol}, {@code task} and {@code outcome}), {@code seqserve.preprocessing} (by {@code stage}:
 * encode or decode), {@code seqserve.inference} (one session run, by {@code outcome}),
 * {@code seqserve.queue.wait}, {@code seqserve.batch.size}, and the counters
 * {@code seqserve.predictions} (by {@code protocol}, {@code task}, {@code outcome}) and {@code seqserve.rejections} (by
 * {@code reason}). A version's meters are removed when its session closes, so reloads do not pile
 * them up. Per model only: {@code seqserve.sessions} (by {@code event}: opened, closed) and
 * {@code seqserve.version.failures} (versions refused, by {@code stage}).
 */
public final class ModelMetrics implements SessionListener {

    private static final Duration MIN_EXPECTED = Duration.ofMillis(1).dividedBy(20);
    private static final Duration MAX_EXPECTED = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    /**
     * Each version's meters once registered, so a request finds them by two map look-ups instead of
     * building an id, sorting its tags and asking the registry (which costs several times as much).
     */
    private final Map<ModelRef, Map<MeterKey, Meter>> meters = new ConcurrentHashMap<>();

    /** @param registry where the meters are registered */
    public ModelMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Records a whole request and counts its predictions.
     *
     * @param protocol the API the request arrived through
     * @param task {@code sentiment} or {@code forecast}
     * @param model the version that answered
     * @param outcome {@code success}, {@code invalid}, {@code rejected} (overload or deadline) or {@code error}
     * @param predictions how many texts or series the request held
     * @param nanos how long it took
     */
    public void request(Protocol protocol, String task, ModelRef model, String outcome, int predictions, long nanos) {
        this.<Timer>cached(model, "seqserve.request", protocol.label(), task, outcome, () -> timer("seqserve.request",
                "Whole request, from model lookup to response body", model, "protocol", protocol.label(), "task", task,
                "outcome", outcome))
                .record(nanos, TimeUnit.NANOSECONDS);
        this.<Counter>cached(model, "seqserve.predictions", protocol.label(), task, outcome, () -> Counter.builder("seqserve.predictions")
                .description("Texts or series answered, by outcome")
                .tags(tags(model, "protocol", protocol.label(), "task", task, "outcome", outcome))
                .register(registry))
                .increment(predictions);
    }

    /**
     * Records an explained sentiment request (also counted by {@link #request}).
     *
     * @param outcome as for {@link #request}
     * @param nanos how long the whole request took
     */
    public void explained(ModelRef model, String outcome, long nanos) {
        this.<Timer>cached(model, "seqserve.explain", outcome, null, null, () -> timer("seqserve.explain",
                "Explained sentiment requests, from model lookup to response body", model, "outcome", outcome))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Records pre- or post-processing.
     *
     * @param stage {@code encode} (text or series to model input) or {@code decode} (model output to answer)
     */
    public void preprocessing(ModelRef model, String stage, long nanos) {
        this.<Timer>cached(model, "seqserve.preprocessing", stage, null, null, () -> timer("seqserve.preprocessing",
                "Pre- and post-processing outside the model", model, "stage", stage))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void opened(ModelRef version) {
        sessions(version.name(), "opened").increment();
    }

    @Override
    public void ran(ModelRef version, int batchSize, boolean success, long nanos) {
        String outcome = success ? "success" : "error";
        this.<Timer>cached(version, "seqserve.inference", outcome, null, null, () -> timer("seqserve.inference",
                "One ONNX Runtime session run (a whole batch)", version, "outcome", outcome))
                .record(nanos, TimeUnit.NANOSECONDS);
        this.<DistributionSummary>cached(version, "seqserve.batch.size", null, null, null,
                () -> DistributionSummary.builder("seqserve.batch.size")
                        .description("Inputs per session run")
                        .tags(tags(version))
                        .publishPercentileHistogram()
                        .minimumExpectedValue(1.0)
                        .maximumExpectedValue(256.0)
                        .register(registry))
                .record(batchSize);
    }

    @Override
    public void closed(ModelRef version) {
        sessions(version.name(), "closed").increment();
        meters.remove(version);
        List<Meter> ofVersion = registry.getMeters().stream()
                .filter(m -> version.name().equals(m.getId().getTag("model"))
                        && version.version().equals(m.getId().getTag("version")))
                .toList();
        ofVersion.forEach(registry::remove);
    }

    /** Counts a version refused at {@code stage} ({@code verify}, {@code load} or {@code warm-up}). */
    void versionFailed(String model, String stage) {
        Counter.builder("seqserve.version.failures")
                .description("Versions refused at start-up, reload, pin or poll, by the step that failed")
                .tags("model", model, "stage", stage)
                .register(registry)
                .increment();
    }

    /** A batch listener recording queue waits and rejections of one version. */
    BatchListener batchListener(ModelRef model) {
        Timer wait = timer("seqserve.queue.wait", "How long a batch's oldest request waited in the queue", model);
        Counter overloaded = rejections(model, "overloaded");
        Counter deadline = rejections(model, "deadline");
        return new BatchListener() {
            @Override
            public void onBatch(int size, long queueNanos, long runNanos, boolean failed) {
                wait.record(queueNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void onOverloaded() {
                overloaded.increment();
            }

            @Override
            public void onDeadlineExceeded() {
                deadline.increment();
            }
        };
    }

    /** A version's meter by its name and up to three tag values (the other tags are the version's own). */
    private record MeterKey(String name, String first, String second, String third) {}

    @SuppressWarnings("unchecked")
    private <M extends Meter> M cached(ModelRef model, String name, String first, String second, String third,
            Supplier<M> register) {
        Map<MeterKey, Meter> ofVersion = meters.computeIfAbsent(model, m -> new ConcurrentHashMap<>());
        MeterKey key = new MeterKey(name, first, second, third);
        Meter meter = ofVersion.get(key);
        if (meter == null) {
            meter = ofVersion.computeIfAbsent(key, k -> register.get());
        }
        return (M) meter;
    }

    private Counter sessions(String model, String event) {
        return Counter.builder("seqserve.sessions")
                .description("ONNX Runtime sessions of the model's versions, by event")
                .tags("model", model, "event", event)
                .register(registry);
    }

    private Counter rejections(ModelRef model, String reason) {
        return Counter.builder("seqserve.rejections")
                .description("Requests refused with 503 by the batching queue")
                .tags(tags(model, "reason", reason))
                .register(registry);
    }

    private Timer timer(String name, String description, ModelRef model, String... tags) {
        return Timer.builder(name)
                .description(description)
                .tags(tags(model, tags))
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED)
                .maximumExpectedValue(MAX_EXPECTED)
                .register(registry);
    }

    private static String[] tags(ModelRef model, String... more) {
        String[] all = new String[more.length + 4];
        all[0] = "model";
        all[1] = model.name();
        all[2] = "version";
        all[3] = model.version();
        System.arraycopy(more, 0, all, 4, more.length);
        return all;
    }
}
