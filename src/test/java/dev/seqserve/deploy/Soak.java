package dev.seqserve.deploy;

import dev.seqserve.bench.ReviewCorpus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long run of ordinary requests against one service (four in five sentiment, one in five forecast,
 * on keep-alive connections), sampling its RSS and OS threads, with the answers to a fixed set of
 * requests taken before and after, which must be identical.
 */
final class Soak {

    /** What the soak saw; RSS growth compares the middle sample with the median of the last tenth. */
    record Result(long requests, long errors, Duration took, List<ProcStatus> samples, boolean sameAnswers,
            int probes, java.util.Map<Integer, Long> errorStatuses) {

        double rssGrowthSecondHalf() {
            long middle = samples.get(samples.size() / 2).rssKib();
            List<Long> tail = new ArrayList<>();
            for (ProcStatus s : samples.subList(samples.size() - Math.max(1, samples.size() / 10), samples.size())) {
                tail.add(s.rssKib());
            }
            Collections.sort(tail);
            return (double) (tail.get(tail.size() / 2) - middle) / middle;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Soak() {}

    static Result run(ServiceProcess service, ReviewCorpus corpus, long total, int clients, Consumer<String> log)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI sentiment = URI.create("http://127.0.0.1:" + service.port() + "/sentiment");
        URI forecast = URI.create("http://127.0.0.1:" + service.port() + "/forecast");
        List<String> probes = probeBodies(corpus);
        List<String> before = answers(client, sentiment, forecast, probes);
        List<ProcStatus> samples = new CopyOnWriteArrayList<>();
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentHashMap<Integer, Long> errorStatuses = new ConcurrentHashMap<>();
        String forecastBody = Requests.forecast(7);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                long i;
                while ((i = next.getAndIncrement()) < total) {
                    boolean isForecast = i % 5 == 4;
                    String body = isForecast ? forecastBody : sentimentBody(corpus.texts().get((int) (i % corpus.texts().size())));
                    int status = post(client, isForecast ? forecast : sentiment, body).status();
                    if (status != 200) {
                        errors.incrementAndGet();
                        errorStatuses.merge(status, 1L, Long::sum);
                    }
                }
            }, "soak-" + c);
            thread.start();
            threads.add(thread);
        }
        AtomicInteger lastReport = new AtomicInteger();
        while (threads.stream().anyMatch(Thread::isAlive)) {
            samples.add(ProcStatus.of(service.process().pid()));
            int done = (int) Math.min(total, next.get());
            if (done - lastReport.get() >= total / 10) {
                lastReport.set(done);
                log.accept(String.format(java.util.Locale.ROOT, "soak: %,d of %,d requests, RSS %,d KiB, %d threads",
                        done, total, samples.get(samples.size() - 1).rssKib(), samples.get(samples.size() - 1).threads()));
            }
            Thread.sleep(1_000);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        samples.add(ProcStatus.of(service.process().pid()));
        List<String> after = answers(client, sentiment, forecast, probes);
        return new Result(total, errors.get(), took, List.copyOf(samples), before.equals(after), probes.size(),
                java.util.Map.copyOf(errorStatuses));
    }

    private static List<String> probeBodies(ReviewCorpus corpus) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bodies.add(sentimentBody(corpus.texts().get(i * 7)));
        }
        bodies.add(Requests.forecast(7));
        return bodies;
    }

    /** The full answer bodies: scores, labels, tokens and forecasts, to the last digit. */
    private static List<String> answers(HttpClient client, URI sentiment, URI forecast, List<String> bodies) {
        List<String> answers = new ArrayList<>();
        for (String body : bodies) {
            Answer answer = post(client, body.contains("\"series\"") ? forecast : sentiment, body);
            answers.add(answer.status() + " " + answer.body());
        }
        return answers;
    }

    private static String sentimentBody(String text) {
        return JSON.writeValueAsString(java.util.Map.of("text", text));
    }

    /** A status (0 when the connection failed) and a body. */
    private record Answer(int status, String body) {}

    private static Answer post(HttpClient client, URI uri, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
