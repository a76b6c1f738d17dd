package dev.seqserve.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measures and where, from {@code --name=value} arguments.
 *
 * @param models the folder of model artifacts; fixtures are written when it lacks the sentiment models
 * @param reviews IMDb reviews ({@code id,split,label,rating,text}, gzip); synthetic lengths when absent
 * @param series a {@code timestamp,value} CSV for {@code /forecast} requests
 * @param jar the packaged service, started as a child process unless {@code url} is given
 * @param url a service that is already running, such as {@code http://127.0.0.1:8080}
 * @param out where the report, JSON, plot and service log go
 * @param concurrency the load generator's concurrency levels (connections, closed loop)
 * @param levelTime how long a measured level runs
 * @param warmup the unmeasured load before each level (and each raw configuration)
 * @param serviceWarmup the unmeasured load on each model of a freshly started service, before any level
 * @param rawTime how long each raw ONNX Runtime configuration is measured
 * @param batchSize the batch size of the raw batched runs (the service's {@code max-batch-size})
 * @param intraOpThreads ONNX Runtime intra-op threads of the raw sessions (the service's setting)
 * @param http whether to measure the HTTP service at all (parts b and c)
 * @param baseline whether to also measure the plain per-request design at the highest concurrency
 * @param serviceArgs extra arguments for the service, such as {@code --seqserve.batching.workers=2}
 */
record BenchOptions(
        Path models, Path reviews, Path series, Path jar, String url, Path out, List<Integer> concurrency,
        Duration levelTime, Duration warmup, Duration serviceWarmup, Duration rawTime, int batchSize,
        int intraOpThreads, boolean http, boolean baseline, List<String> serviceArgs) {

    static final String USAGE = """
            dev.seqserve.bench.BenchmarkMain [--name=value ...]
              --models=model-artifacts   --reviews=../shared/data/imdb/dev.csv.gz
              --series=../shared/data/series/melbourne_daily_min_temp_1981_1989.csv
              --jar=target/seqserve.jar  --url=(start the jar)   --out=bench-results
              --concurrency=1,8,64  --level-seconds=10  --warmup-seconds=2  --service-warmup-seconds=40
              --raw-seconds=5  --batch-size=32  --intra-op-threads=1  --http=true  --baseline=true
              --service-arg=--seqserve.batching.workers=2 (repeatable)""";

    static BenchOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> serviceArgs = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg + "\n" + USAGE);
            }
            String name = arg.substring(2, eq);
            if (name.equals("service-arg")) {
                serviceArgs.add(arg.substring(eq + 1));
            } else {
                values.put(name, arg.substring(eq + 1));
            }
        }
        BenchOptions options = new BenchOptions(
                Path.of(take(values, "models", "model-artifacts")),
                Path.of(take(values, "reviews", "../shared/data/imdb/dev.csv.gz")),
                Path.of(take(values, "series", "../shared/data/series/melbourne_daily_min_temp_1981_1989.csv")),
                Path.of(take(values, "jar", "target/seqserve.jar")),
                values.remove("url"),
                Path.of(take(values, "out", "bench-results")),
                Arrays.stream(take(values, "concurrency", "1,8,64").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                seconds(take(values, "level-seconds", "10")),
                seconds(take(values, "warmup-seconds", "2")),
                seconds(take(values, "service-warmup-seconds", "40")),
                seconds(take(values, "raw-seconds", "5")),
                Integer.parseInt(take(values, "batch-size", "32")),
                Integer.parseInt(take(values, "intra-op-threads", "1")),
                Boolean.parseBoolean(take(values, "http", "true")),
                Boolean.parseBoolean(take(values, "baseline", "true")),
                List.copyOf(serviceArgs));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet() + "\n" + USAGE);
        }
        return options;
    }

    private static String take(Map<String, String> values, String name, String fallback) {
        String value = values.remove(name);
        return value == null ? fallback : value;
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
}
