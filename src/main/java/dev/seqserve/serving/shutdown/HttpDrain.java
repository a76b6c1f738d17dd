package dev.seqserve.serving.shutdown;

import dev.seqserve.serving.SeqserveProperties;
import java.time.Duration;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardWrapper;
import org.apache.coyote.AbstractProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HTTP part of the drain, in the place of Spring Boot's graceful shutdown ({@code server.shutdown}
 * is {@code immediate}): readiness is already DOWN when it starts (Spring Boot publishes
 * {@code REFUSING_TRAFFIC} as the context starts closing); it keeps accepting for
 * {@code seqserve.shutdown.grace-period}, then closes the listening sockets and answers every request
 * it has accepted, and every request already sent on an open connection, with {@code Connection: close}
 * ({@link DrainingFilter}), until no request has been in progress for a moment and no connection is
 * left, or the phase's time is up. Only then does the web server stop.
 *
 * <p>Spring Boot's own graceful shutdown pauses the connector instead: Tomcat then closes, unanswered,
 * a connection it accepted before the signal but had not yet started to read, which the fault command
 * saw as requests lost at SIGTERM.
 */
@Component
class HttpDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HttpDrain.class);
    /** How long no request may be in progress before the drain counts connections still open as idle. */
    private static final Duration QUIET = Duration.ofMillis(500);

    private final ApplicationContext context;
    private final Duration gracePeriod;
    private final Duration timeout;
    private volatile boolean running;
    private volatile boolean draining;

    HttpDrain(ApplicationContext context, SeqserveProperties properties,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
        this.context = context;
        this.gracePeriod = properties.shutdown().gracePeriod();
        this.timeout = timeout;
    }

    /** Whether the drain has begun: answers then ask their clients to close the connection. */
    boolean isDraining() {
        return draining;
    }

    @Override
    public void start() {
        draining = false;
        running = true;
    }

    /**
     * Not stopped when a context is merely paused (Spring's test context cache pauses inactive
     * contexts and restarts them later): the drain closes the listening sockets, which only a shutdown may.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public void stop() {
        running = false;
        if (!(context instanceof WebServerApplicationContext web && web.getWebServer() instanceof TomcatWebServer server)) {
            return;
        }
        long start = System.nanoTime();
        if (!gracePeriod.isZero()) {
            log.info("Readiness is DOWN; still accepting requests for {}", gracePeriod);
            sleep(gracePeriod.toMillis());
        }
        draining = true;
        Connector[] connectors = server.getTomcat().getService().findConnectors();
        for (Connector connector : connectors) {
            connector.getProtocolHandler().closeServerSocketGraceful();
        }
        long deadline = start + timeout.toNanos() - Duration.ofSeconds(1).toNanos();
        long quietSince = 0;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (inProgress(server)) {
                quietSince = 0;
            } else if (quietSince == 0) {
                quietSince = now;
            } else if (now - quietSince >= QUIET.toNanos() && (connections(connectors) == 0
                    || now - quietSince >= 2 * QUIET.toNanos())) {
                log.info("Answered every request accepted before the drain, in {} ms",
                        (now - start) / 1_000_000);
                return;
            }
            sleep(20);
        }
        log.warn("Requests still in progress after {}; stopping the web server", timeout);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** In the graceful-shutdown phase: after nothing, before the web server stops. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
    }

    /** A request inside a servlet or an async request not yet complete, as Spring Boot's graceful shutdown counts them. */
    private static boolean inProgress(TomcatWebServer server) {
        for (Container host : server.getTomcat().getEngine().findChildren()) {
            for (Container child : host.findChildren()) {
                StandardContext web = (StandardContext) child;
                if (web.getInProgressAsyncCount() > 0) {
                    return true;
                }
                for (Container wrapper : web.findChildren()) {
                    if (((StandardWrapper) wrapper).getCountAllocated() > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long connections(Connector[] connectors) {
        long open = 0;
        for (Connector connector : connectors) {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                open += protocol.getConnectionCount();
            }
        }
        return open;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
