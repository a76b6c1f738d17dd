package dev.seqserve.serving.model;

import dev.seqserve.serving.model.batch.BatchListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The service's own meters, all tagged by {@code model} and a few low-cardinality tags, timers with
 * histogram buckets so that replicas aggregate: {@code seqserve.request} (whole request, by
 * {@code task} and {@code outcome}), {@code seqserve.preprocessing} (by {@code stage}: encode or
 * decode), {@code seqserve.inference} (one session run, by {@code outcome}), {@code seqserve.queue.wait},
 * {@code seqserve.batch.size}, and the counters {@code seqserve.predictions} (by {@code task},
 * {@code outcome}) and {@code seqserve.rejections} (by {@code reason}).
 */
public final class ModelMetrics {

    private static final Duration MIN_EXPECTED = Duration.ofMillis(1).dividedBy(20);
    private static final Duration MAX_EXPECTED = Duration.ofSeconds(30);

    private final MeterRegistry registry;

    /** @param registry where the meters are registered */
    public ModelMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Records a whole request and counts its predictions.
     *
     * @param task {@code sentiment} or {@code forecast}
     * @param model the model's name
     * @param outcome {@code success}, {@code rejected} (overload or deadline) or {@code error}
     * @param predictions how many texts or series the request held
     * @param nanos how long it took
     */
    public void request(String task, String model, String outcome, int predictions, long nanos) {
        timer("seqserve.request", "Whole request, from model lookup to response body", "model", model,
                "task", task, "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("seqserve.predictions")
                .description("Texts or series answered, by outcome")
                .tags("model", model, "task", task, "outcome", outcome)
                .register(registry)
                .increment(predictions);
    }

    /**
     * Records pre- or post-processing.
     *
     * @param stage {@code encode} (text or series to model input) or {@code decode} (model output to answer)
     */
    public void preprocessing(String model, String stage, long nanos) {
        timer("seqserve.preprocessing", "Pre- and post-processing outside the model", "model", model,
                "stage", stage).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records one session run of {@code batchSize} inputs. */
    void inference(String model, int batchSize, boolean success, long nanos) {
        timer("seqserve.inference", "One ONNX Runtime session run (a whole batch)", "model", model,
                "outcome", success ? "success" : "error").record(nanos, TimeUnit.NANOSECONDS);
        DistributionSummary.builder("seqserve.batch.size")
                .description("Inputs per session run")
                .tag("model", model)
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(256.0)
                .register(registry)
                .record(batchSize);
    }

    /** A batch listener recording queue waits and rejections of one model. */
    BatchListener batchListener(String model) {
        Timer wait = timer("seqserve.queue.wait", "How long a batch's oldest request waited in the queue",
                "model", model);
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

    private Counter rejections(String model, String reason) {
        return Counter.builder("seqserve.rejections")
                .description("Requests refused with 503 by the batching queue")
                .tags("model", model, "reason", reason)
                .register(registry);
    }

    private Timer timer(String name, String description, String... tags) {
        return Timer.builder(name)
                .description(description)
                .tags(tags)
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED)
                .maximumExpectedValue(MAX_EXPECTED)
                .register(registry);
    }
}
