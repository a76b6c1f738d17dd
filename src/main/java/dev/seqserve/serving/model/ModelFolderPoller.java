package dev.seqserve.serving.model;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the model folders every {@code seqserve.models.poll-interval} and reloads a model whose folder
 * changed, on one daemon thread; off when the interval is zero.
 */
final class ModelFolderPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelFolderPoller.class);

    private final ScheduledExecutorService executor;

    private ModelFolderPoller(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static ModelFolderPoller start(ModelRegistry registry, Duration interval) {
        if (interval.isZero()) {
            return new ModelFolderPoller(null);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "model-folder-poll");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> poll(registry), millis, millis, TimeUnit.MILLISECONDS);
        log.info("Polling the model folders every {}", interval);
        return new ModelFolderPoller(executor);
    }

    private static void poll(ModelRegistry registry) {
        try {
            registry.reloadChanged();
        } catch (RuntimeException e) {
            // A folder that cannot be listed must not stop the polling.
            log.warn("Polling the model folders failed: {}", e.toString());
        }
    }

    /** Whether the folders are polled at all. */
    boolean isPolling() {
        return executor != null;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
