package dev.seqserve.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parts (b) and (c) of the benchmark: {@code /sentiment} with one real review per request and
 * {@code /forecast} with one real series per request, at each concurrency level.
 */
final class HttpPhase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WARM_CONCURRENCY = 8;

    private final BenchOptions options;
    private final WrkLoad load;
    private final Consumer<String> log;

    HttpPhase(BenchOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
        this.load = new WrkLoad(options.out().resolve("wrk"));
    }

    /** The load generator's name and version, for the report. */
    String loadGenerator() {
        return load.version();
    }

    /**
     * Warms a freshly started service: {@code options.serviceWarmup()} of load at concurrency 8 on each
     * sentiment model and on {@code /forecast}, none of it measured.
     */
    void warmService(URI base, List<String> sentimentModels, List<String> texts, String forecastModel,
            List<double[]> series, int horizon) {
        if (options.serviceWarmup().isZero()) {
            return;
        }
        log.accept("warming the service for " + options.serviceWarmup().toSeconds() + " s per model");
        for (String model : sentimentModels) {
            load.warm(base.resolve("/sentiment"), texts.stream().map(text -> body("text", text, "model", model)).toList(),
                    WARM_CONCURRENCY, options.serviceWarmup());
        }
        if (forecastModel != null) {
            load.warm(base.resolve("/forecast"),
                    series.stream().map(values -> body("series", values, "horizon", horizon, "model", forecastModel)).toList(),
                    WARM_CONCURRENCY, options.serviceWarmup());
        }
    }

    List<HttpResult> sentiment(URI base, String setup, String model, List<String> texts, List<Integer> levels)
{
        List<byte[]> bodies = texts.stream().map(text -> body("text", text, "model", model)).toList();
        return levels(base.resolve("/sentiment"), "/sentiment", model, setup, bodies, levels);
    }

    List<HttpResult> forecast(URI base, String model, List<double[]> series, int horizon) {
        List<byte[]> bodies = series.stream().map(values -> body("series", values, "horizon", horizon, "model", model)).toList();
        return levels(base.resolve("/forecast"), "/forecast", model, "micro-batching", bodies, options.concurrency());
    }

    private List<HttpResult> levels(URI uri, String endpoint, String model, String setup, List<byte[]> bodies,
            List<Integer> levels) {
        List<HttpResult> results = new ArrayList<>();
        for (int concurrency : levels) {
            HttpResult r = load.run(uri, endpoint, model, setup, bodies, concurrency, options.warmup(), options.levelTime());
            log.accept(String.format("http %-10s %-22s %-14s c=%-3d %8.1f req/s, p50 %7.2f ms, p99 %7.2f ms, errors %d %s",
                    endpoint, model, setup, concurrency, r.requestsPerSecond(), r.latency().p50Ms(), r.latency().p99Ms(),
                    r.errors(), r.errors() == 0 ? "" : r.errorsByKind()));
            results.add(r);
        }
        return results;
    }

    private static byte[] body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsBytes(body);
    }
}
