package dev.seqserve.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP load generator: {@code concurrency} threads each send one request, wait for its
 * answer, and send the next, until a request count or a time limit is reached. Loopback only.
 */
final class LoadClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * Warms up for {@code warmup}, then measures.
     *
     * @param bodies JSON bodies, sent in turn
     */
    HttpResult run(URI uri, String endpoint, String model, String setup, List<byte[]> bodies, int concurrency,
            Duration warmup, Duration time, int maxRequests) throws InterruptedException {
        requireLoopback(uri);
        level(uri, bodies, concurrency, warmup, Integer.MAX_VALUE, null);
        Measurement m = new Measurement();
        long start = System.nanoTime();
        level(uri, bodies, concurrency, time, maxRequests, m);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = LongList.concat(m.latencies);
        long errors = m.errors.values().stream().mapToLong(LongAdder::sum).sum();
        Map<String, Long> byKind = new TreeMap<>();
        m.errors.forEach((kind, count) -> byKind.put(kind, count.sum()));
        return new HttpResult(endpoint, model, setup, concurrency, latencies.length + errors, errors, byKind, seconds,
                latencies.length / seconds, LatencyStats.of(latencies));
    }

    private void level(URI uri, List<byte[]> bodies, int concurrency, Duration time, int maxRequests, Measurement m)
            throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        AtomicInteger issued = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            LongList own = new LongList();
            if (m != null) {
                m.latencies.add(own);
            }
            Thread thread = new Thread(() -> {
                int i;
                while ((i = issued.getAndIncrement()) < maxRequests && System.nanoTime() < end) {
                    send(uri, bodies.get(i % bodies.size()), own, m);
                }
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void send(URI uri, byte[] body, LongList latencies, Measurement m) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long t0 = System.nanoTime();
        String error;
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                if (m != null) {
                    latencies.add(System.nanoTime() - t0);
                }
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        if (m != null) {
            m.errors.computeIfAbsent(error, k -> new LongAdder()).increment();
        }
    }

    private static void requireLoopback(URI uri) {
        String host = uri.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("the load client only targets loopback addresses, not " + host);
        }
    }

    /** What the threads of one measured level record. */
    private static final class Measurement {
        final List<LongList> latencies = new ArrayList<>();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    }
}
