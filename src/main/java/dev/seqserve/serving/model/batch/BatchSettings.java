package dev.seqserve.serving.model.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MicroBatcher} forms and runs batches.
 *
 * @param maxBatchSize the most requests one call of the batch function receives
 * @param maxDelay how long the oldest waiting request may wait for others to join its batch; a lone
 *     request that finds the queue empty and a worker idle never waits
 * @param queueCapacity the most requests waiting (not yet running); past it {@code submit} fails
 *     with {@link OverloadedException}
 * @param deadline how long a request may wait to start before it fails with
 *     {@link DeadlineExceededException}
 * @param workers how many batches may run at once, each on its own platform thread
 * @param name a short name for the worker threads, such as the model name
 */
public record BatchSettings(
        int maxBatchSize, Duration maxDelay, int queueCapacity, Duration deadline, int workers, String name) {

    public BatchSettings {
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(name, "name");
        require(maxBatchSize >= 1, "maxBatchSize must be at least 1, not " + maxBatchSize);
        require(queueCapacity >= 1, "queueCapacity must be at least 1, not " + queueCapacity);
        require(workers >= 1, "workers must be at least 1, not " + workers);
        require(!maxDelay.isNegative(), "maxDelay must not be negative: " + maxDelay);
        require(!deadline.isNegative() && !deadline.isZero(), "deadline must be positive: " + deadline);
    }

    /** These settings with another {@code maxBatchSize}. */
    public BatchSettings withMaxBatchSize(int value) {
        return new BatchSettings(value, maxDelay, queueCapacity, deadline, workers, name);
    }

    /** These settings with another {@code maxDelay}. */
    public BatchSettings withMaxDelay(Duration value) {
        return new BatchSettings(maxBatchSize, value, queueCapacity, deadline, workers, name);
    }

    /** These settings with another {@code queueCapacity}. */
    public BatchSettings withQueueCapacity(int value) {
        return new BatchSettings(maxBatchSize, maxDelay, value, deadline, workers, name);
    }

    /** These settings with another {@code deadline}. */
    public BatchSettings withDeadline(Duration value) {
        return new BatchSettings(maxBatchSize, maxDelay, queueCapacity, value, workers, name);
    }

    /** These settings with another number of {@code workers}. */
    public BatchSettings withWorkers(int value) {
        return new BatchSettings(maxBatchSize, maxDelay, queueCapacity, deadline, value, name);
    }

    /** These settings with another thread {@code name}. */
    public BatchSettings withName(String value) {
        return new BatchSettings(maxBatchSize, maxDelay, queueCapacity, deadline, workers, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
