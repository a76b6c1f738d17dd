package dev.seqserve.serving.shutdown;

import dev.seqserve.serving.SeqserveProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the server accepting for {@code seqserve.shutdown.grace-period} after readiness has gone DOWN
 * (Spring Boot publishes {@code REFUSING_TRAFFIC} as the context starts closing), so load balancers
 * and Kubernetes endpoints drop the instance before it refuses connections: what a {@code preStop}
 * sleep does, without one. Stops in a phase before the web server's graceful shutdown.
 */
@Component
class ReadinessGrace implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadinessGrace.class);

    private final Duration gracePeriod;
    private volatile boolean running;

    ReadinessGrace(SeqserveProperties properties) {
        this.gracePeriod = properties.shutdown().gracePeriod();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (gracePeriod.isZero()) {
            return;
        }
        log.info("Readiness is DOWN; still accepting requests for {}", gracePeriod);
        try {
            Thread.sleep(gracePeriod.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server stops accepting (higher phases stop first). */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }
}
