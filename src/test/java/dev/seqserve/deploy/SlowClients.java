package dev.seqserve.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hundreds of connections that send a request's headers and a few bytes of its body and stall,
 * reconnecting whenever the service closes one, while a normal request on a new connection and the
 * readiness probe (on the management port, and on the main port as {@code /readyz}) are timed.
 */
final class SlowClients {

    private static final byte[] STALLED = ("POST /sentiment HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te").getBytes(StandardCharsets.US_ASCII);

    /** Latencies in ms of one kind of request (-1: no answer or not 200 within its timeout). */
    record Timings(String what, List<Long> millis) {

        long within(long limit) {
            return millis.stream().filter(m -> m >= 0 && m <= limit).count();
        }

        long percentile(double p) {
            List<Long> sorted = new ArrayList<>(millis.stream().map(m -> m < 0 ? Long.MAX_VALUE : m).toList());
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** @param openOnAverage slow connections open, averaged over the measurement */
    record Result(String jvm, int slow, double openOnAverage, List<Timings> timings) {}

    /** Calls of each timed request before the slow connections open. */
    private static final int WARM_UP_CALLS = 50;

    private SlowClients() {}

    static Result run(ServiceProcess.Launch launch, int connections, Duration measure) throws InterruptedException {
        int management = ServiceProcess.freePort();
        try (ServiceProcess service = ServiceProcess.startWith("fault-slow", launch,
                "--management.server.port=" + management).awaitReady()) {
            String jvm = launch.java();
            // a fresh JVM's first answers pay for class loading and compilation, not for slow clients
            for (int i = 0; i < WARM_UP_CALLS; i++) {
                RawHttp.postJson(service.port(), "/sentiment", Requests.sentiment());
                RawHttp.get(management, "/actuator/health/readiness");
                RawHttp.get(service.port(), "/readyz");
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger open = new AtomicInteger();
            List<Thread> stallers = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Thread thread = new Thread(() -> stall(service.port(), stop, open), "slow-" + i);
                thread.setDaemon(true);
                thread.start();
                stallers.add(thread);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (open.get() < connections && System.nanoTime() < deadline) {
                ServiceProcess.sleep(50);
            }
            Timings request = new Timings("POST /sentiment, new connection", new ArrayList<>());
            Timings probe = new Timings("readiness on the management port", new ArrayList<>());
            Timings readyz = new Timings("/readyz on the main port", new ArrayList<>());
            long openSum = 0;
            int rounds = 0;
            long end = System.nanoTime() + measure.toNanos();
            while (System.nanoTime() < end) {
                openSum += open.get();
                rounds++;
                request.millis().add(time(() -> RawHttp.postJson(service.port(), "/sentiment", Requests.sentiment())));
                probe.millis().add(time(() -> RawHttp.get(management, "/actuator/health/readiness")));
                readyz.millis().add(time(() -> RawHttp.get(service.port(), "/readyz")));
                ServiceProcess.sleep(200);
            }
            stop.set(true);
            return new Result(jvm, connections, (double) openSum / rounds, List.of(request, probe, readyz));
        }
    }

    private static long time(java.util.function.Supplier<RawHttp.Outcome> call) {
        long start = System.nanoTime();
        RawHttp.Outcome outcome = call.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return outcome.ok() ? millis : -1;
    }

    /** Keeps one stalled request open, opening another each time the service closes it. */
    private static void stall(int port, AtomicBoolean stop, AtomicInteger open) {
        while (!stop.get()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.getOutputStream().write(STALLED);
                socket.getOutputStream().flush();
                open.incrementAndGet();
                try {
                    InputStream in = socket.getInputStream();
                    while (in.read() >= 0) {
                        // the service's answer (408) and the close
                    }
                } finally {
                    open.decrementAndGet();
                }
            } catch (IOException e) {
                ServiceProcess.sleep(20);
            }
        }
    }
}
