package dev.seqserve.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parts (b) and (c) of the benchmark: {@code /sentiment} with one real review per request and
 * {@code /forecast} with one real series per request, at each concurrency level; and the same reviews
 * through the Open Inference Protocol, {@code POST /v2/models/{name}/infer} (issue 13).
 */
final class HttpPhase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WARM_CONCURRENCY = 8;
    /** The setup of plain load measured while explained requests arrive once a second. */
    static final String BESIDE_EXPLAINED = "beside explained 1/s";
    /** The setup of real reviews through the micro-batching service. */
    static final String MICRO_BATCHING = "micro-batching";
    /** The setup, and the raw mode, of {@link #ONE_WORD_REVIEW}. */
    static final String ONE_WORD = "one-word review";
    /** A review of one word and its full stop: two tokens, the least a review costs the model and the request path. */
    static final String ONE_WORD_REVIEW = "Superb.";

    private final BenchOptions options;
    private final WrkLoad load;
    private final Consumer<String> log;
    /**
     * The time span of every measured {@code /sentiment} level of real reviews or of the one-word floor, for
     * {@link BatchReplay} and {@link RequestThreadProfile}.
     */
    private final List<BatchReplay.Window> windows = new ArrayList<>();

    /** Runs after each level of real reviews, its CPU read, before the next level's warm-up. */
    private Consumer<BatchReplay.Window> afterRealReviewLevel = w -> {};

    HttpPhase(BenchOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
        this.load = new WrkLoad(options.out().resolve("wrk"), new Pinning(options.pin()));
    }

    /** The time span of every measured {@code /sentiment} level of real reviews or one word so far. */
    List<BatchReplay.Window> windows() {
        return List.copyOf(windows);
    }

    /**
     * Sets what runs right after each measured {@code /sentiment} level of real reviews, while the service
     * idles: the replay of that level's batches, so the two are minutes closer than after the whole phase.
     */
    void afterEachRealReviewLevel(Consumer<BatchReplay.Window> hook) {
        afterRealReviewLevel = hook;
    }

    /** The load generator's name and version, for the report. */
    String loadGenerator() {
        return load.version();
    }

    /**
     * Warms a freshly started service: {@code options.serviceWarmup()} of load at concurrency 8 on each
     * sentiment model and on {@code /forecast} for each forecaster, none of it measured.
     */
    void warmService(Target target, List<String> sentimentModels, List<String> texts, List<ForecastInput> forecasts) {
        if (options.serviceWarmup().isZero()) {
            return;
        }
        log.accept("warming the service for " + options.serviceWarmup().toSeconds() + " s per model");
        for (String model : sentimentModels) {
            load.warm(target.base().resolve("/sentiment"), load.prepare(sentimentBodies(model, texts)), WARM_CONCURRENCY,
                    options.serviceWarmup());
        }
        for (ForecastInput forecast : forecasts) {
            load.warm(target.base().resolve("/forecast"), load.prepare(forecastBodies(forecast)), WARM_CONCURRENCY,
                    options.serviceWarmup());
        }
    }

    List<HttpResult> sentiment(Target target, String setup, String model, List<String> texts, List<Integer> levels) {
        return levels(target, "/sentiment", model, setup, sentimentBodies(model, texts), levels);
    }

    /**
     * Issue 14's floor: {@link #ONE_WORD_REVIEW} in every request, through the same route at the lowest and
     * the highest level, so what the HTTP stack costs a request whatever its review (Tomcat, Spring MVC,
     * security, metrics, the hand-offs to a batch worker and back) is measured beside the real reviews.
     */
    List<HttpResult> oneWord(Target target, String model) {
        int lowest = options.lowestConcurrency();
        int highest = options.highestConcurrency();
        return levels(target, "/sentiment", model, ONE_WORD, List.of(body("text", ONE_WORD_REVIEW, "model", model)),
                lowest == highest ? List.of(lowest) : List.of(lowest, highest));
    }

    /**
     * Explained requests ({@code "explain": true}) on the review of median word count: alone at
     * concurrency 1, then once a second beside plain load at concurrency 8 (the plain row's setup says so,
     * and the explained requests get their own row).
     */
    List<HttpResult> explained(Target target, String model, List<String> texts) {
        String median = texts.stream().sorted(java.util.Comparator.comparingInt(HttpPhase::words)).toList()
                .get(texts.size() / 2);
        byte[] explained = body("text", median, "model", model, "explain", true);
        log.accept("explained requests on a review of " + words(median) + " words");
        List<HttpResult> results = new ArrayList<>(levels(target, "/sentiment", model, "explained", List.of(explained),
                List.of(1)));
        HttpResult ticked;
        try (ExplainedTicker ticker = ExplainedTicker.start(target.base().resolve("/sentiment"), explained)) {
            results.addAll(levels(target, "/sentiment", model, BESIDE_EXPLAINED, sentimentBodies(model, texts),
                    List.of(WARM_CONCURRENCY)));
            ticked = ticker.result(model, "explained, 1/s beside c=" + WARM_CONCURRENCY);
        }
        log.accept(String.format("explained 1/s beside plain c=%d: %d requests, p50 %.1f ms, p99 %.1f ms, errors %d",
                WARM_CONCURRENCY, ticked.requests(), ticked.latency().p50Ms(), ticked.latency().p99Ms(), ticked.errors()));
        results.add(ticked);
        return results;
    }

    private static int words(String text) {
        return text.split("\\s+").length;
    }

    /**
     * The same reviews, one per request, as V2 inference requests: input {@code text}, {@code BYTES}, shape
     * {@code [1]}. Its code path is warmed first as {@link #warmService} warms {@code /sentiment}'s, so
     * neither is measured while the JIT still compiles it.
     */
    List<HttpResult> v2Sentiment(Target target, String model, List<String> texts, List<Integer> levels) {
        List<byte[]> bodies = texts.stream().map(text -> body("inputs",
                List.of(Map.of("name", "text", "datatype", "BYTES", "shape", List.of(1), "data", List.of(text))))).toList();
        if (!options.serviceWarmup().isZero()) {
            log.accept("warming V2 /infer for " + options.serviceWarmup().toSeconds() + " s");
            load.warm(target.base().resolve(v2Infer(model)), load.prepare(bodies), WARM_CONCURRENCY, options.serviceWarmup());
        }
        return levels(target, v2Infer(model), model, MICRO_BATCHING, bodies, levels);
    }

    /** The V2 inference path of a model. */
    static String v2Infer(String model) {
        return "/v2/models/" + model + "/infer";
    }

    List<HttpResult> forecast(Target target, ForecastInput forecast) {
        return levels(target, "/forecast", forecast.model(), MICRO_BATCHING, forecastBodies(forecast), options.concurrency());
    }

    private List<HttpResult> levels(Target target, String endpoint, String model, String setup, List<byte[]> bodies,
            List<Integer> levels) {
        URI uri = target.base().resolve(endpoint);
        Path script = load.prepare(bodies);
        List<HttpResult> results = new ArrayList<>();
        for (int concurrency : levels) {
            load.warm(uri, script, concurrency, options.warmup());
            Optional<Map<ThreadCpu.Role, Double>> before = target.cpu().flatMap(ThreadCpu::snapshot);
            java.time.Instant from = java.time.Instant.now();
            HttpResult r = load.measure(uri, script, endpoint, model, setup, concurrency, options.levelTime());
            BatchReplay.Window window = new BatchReplay.Window(model, setup, concurrency, from, java.time.Instant.now());
            Optional<Map<ThreadCpu.Role, Double>> after = target.cpu().flatMap(ThreadCpu::snapshot);
            if (before.isPresent() && after.isPresent()) {
                r = r.withCpu(ThreadCpu.perRequest(before.get(), after.get(), r.requests()));
            }
            if (endpoint.equals("/sentiment") && (setup.equals(MICRO_BATCHING) || setup.equals(ONE_WORD))) {
                windows.add(window);
                if (window.realReviews()) {
                    afterRealReviewLevel.accept(window);
                }
            }
            log.accept(String.format("http %-10s %-22s %-14s c=%-3d %8.1f req/s, p50 %7.2f ms, p99 %7.2f ms, errors %d %s",
                    endpoint, model, setup, concurrency, r.requestsPerSecond(), r.latency().p50Ms(), r.latency().p99Ms(),
                    r.errors(), r.errors() == 0 ? "" : r.errorsByKind()));
            results.add(r);
        }
        return results;
    }

    /**
     * A service under test.
     *
     * @param base its root URL
     * @param cpu its threads' CPU counters, when it is a child process on Linux
     */
    record Target(URI base, Optional<ThreadCpu> cpu) {
    }

    /** One {@code /sentiment} request body per review. */
    private static List<byte[]> sentimentBodies(String model, List<String> texts) {
        return texts.stream().map(text -> body("text", text, "model", model)).toList();
    }

    /** One {@code /forecast} request body per stretch. */
    private static List<byte[]> forecastBodies(ForecastInput forecast) {
        // A calendar model needs the date of the last value; the others ignore it. The date changes no cost.
        return forecast.stretches().stream().map(values -> body("series", values, "horizon", forecast.horizon(),
                "model", forecast.model(), "lastTimestamp", RawPhase.LAST_DATE.toString())).toList();
    }

    private static byte[] body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsBytes(body);
    }
}
