package dev.seqserve.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends one explained {@code /sentiment} request a second on its own thread, beside the load generator's
 * plain traffic, and reports their latencies: what a client asking for explanations sees on a busy service.
 */
final class ExplainedTicker implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final URI uri;
    private final byte[] body;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LongList latencies = new LongList();
    private final Map<String, Long> errors = new TreeMap<>();
    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile boolean stopped;

    private ExplainedTicker(URI uri, byte[] body) {
        this.uri = uri;
        this.body = body;
        this.thread = new Thread(this::run, "explained-ticker");
        thread.setDaemon(true);
    }

    static ExplainedTicker start(URI uri, byte[] body) {
        ExplainedTicker ticker = new ExplainedTicker(uri, body);
        ticker.thread.start();
        return ticker;
    }

    private void run() {
        long next = System.nanoTime();
        while (!stopped) {
            long start = System.nanoTime();
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
                synchronized (this) {
                    if (response.statusCode() == 200) {
                        latencies.add(System.nanoTime() - start);
                    } else {
                        errors.merge("status " + response.statusCode(), 1L, Long::sum);
                    }
                }
            } catch (java.io.IOException e) {
                synchronized (this) {
                    errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                }
            } catch (InterruptedException e) {
                return;
            }
            next += PERIOD.toNanos();
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Stops the ticker and describes its requests as a result row. */
    HttpResult result(String model, String setup) {
        close();
        synchronized (this) {
            long[] nanos = latencies.toArray();
            long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
            double seconds = (System.nanoTime() - started) / 1e9;
            return new HttpResult("/sentiment", model, setup, 1, nanos.length + errorCount, errorCount, Map.copyOf(errors),
                    seconds, (nanos.length + errorCount) / seconds, LatencyStats.of(nanos), Double.NaN, Map.of());
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(35_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
