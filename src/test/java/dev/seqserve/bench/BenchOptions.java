package dev.seqserve.bench;

import dev.seqserve.training.data.DataFiles;
import dev.seqserve.training.forecast.SeriesPreset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What one benchmark run measures and where, from {@code --name=value} arguments (picocli).
 *
 * @param models the folder of model artifacts; fixtures are written when it lacks the sentiment models
 * @param reviews IMDb reviews ({@code id,split,label,rating,text}, gzip); synthetic lengths when absent
 * @param series per forecast model, the {@code timestamp,value} CSV its {@code /forecast} requests come from
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
 * @param pin the service and the raw runs on one core, the load generator on the other ({@link Pinning})
 */
record BenchOptions(
        Path models, Path reviews, Map<String, Path> series, Path jar, String url, Path out, List<Integer> concurrency,
        Duration levelTime, Duration warmup, Duration serviceWarmup, Duration rawTime, int batchSize,
        int intraOpThreads, boolean http, boolean baseline, List<String> serviceArgs, boolean pin) {

    /**
     * Parses {@code --name=value} (or {@code --name value}) arguments; {@code --help} lists them.
     *
     * @throws IllegalArgumentException for an unknown option or a value of the wrong form, with the usage
     */
    static BenchOptions parse(String... args) {
        Arguments a = new Arguments();
        CommandLine line = new CommandLine(a);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + line.getUsageMessage(), e);
        }
        if (line.isUsageHelpRequested()) {
            line.usage(System.out);
            System.exit(0);
        }
        return new BenchOptions(a.models, a.reviews, series(a.series), a.jar, a.url, a.out, List.copyOf(a.concurrency),
                seconds(a.levelSeconds), seconds(a.warmupSeconds), seconds(a.serviceWarmupSeconds), seconds(a.rawSeconds),
                a.batchSize, a.intraOpThreads, a.http, a.baseline, List.copyOf(a.serviceArgs), a.pin);
    }

    /** The highest load level, where the throughput and CPU criteria are judged. */
    int highestConcurrency() {
        return concurrency.stream().mapToInt(Integer::intValue).max().orElse(64);
    }

    /** The lowest load level. */
    int lowestConcurrency() {
        return concurrency.stream().mapToInt(Integer::intValue).min().orElse(1);
    }

    /** Each shipped forecaster's training series (its {@link SeriesPreset}'s file), with the given pairs in place of theirs. */
    private static Map<String, Path> series(Map<String, Path> given) {
        Map<String, Path> series = new LinkedHashMap<>();
        for (SeriesPreset preset : SeriesPreset.values()) {
            series.put(preset.modelName, Path.of(DataFiles.DEFAULT).resolve(preset.file));
        }
        series.putAll(given);
        return Map.copyOf(series);
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis(Math.round(value * 1000));
    }

    /** The command line, as picocli binds it. */
    @Command(name = "dev.seqserve.bench.BenchmarkMain", sortOptions = false,
            description = "Raw ONNX Runtime against the HTTP service, in one run; writes benchmark.md, .json and latency.png.")
    static final class Arguments {

        @Option(names = "--help", usageHelp = true, description = "This list.")
        boolean help;

        @Option(names = "--models", paramLabel = "DIR", description = "Model artifacts (default: ${DEFAULT-VALUE}); fixtures when it lacks the sentiment models.")
        Path models = Path.of("model-artifacts");

        @Option(names = "--reviews", paramLabel = "FILE", description = "IMDb reviews, gzip CSV (default: ${DEFAULT-VALUE}).")
        Path reviews = Path.of("../shared/data/imdb/dev.csv.gz");

        @Option(names = "--series", split = ",", paramLabel = "MODEL=FILE",
                description = "Per forecast model, a timestamp,value CSV for its /forecast requests, each pair replacing "
                        + "that model's default (the series it is trained on, under " + DataFiles.DEFAULT + "); a "
                        + "synthetic series for a model without one.")
        Map<String, Path> series = new LinkedHashMap<>();

        @Option(names = "--jar", paramLabel = "FILE", description = "The packaged service, started as a child process (default: ${DEFAULT-VALUE}).")
        Path jar = Path.of("target/seqserve.jar");

        @Option(names = "--url", description = "A service already running, e.g. http://127.0.0.1:8080, instead of the jar.")
        String url;

        @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("bench-results");

        @Option(names = "--concurrency", split = ",", paramLabel = "N", description = "Load levels, closed loop (default: ${DEFAULT-VALUE}).")
        List<Integer> concurrency = List.of(1, 8, 64);

        @Option(names = "--level-seconds", description = "Each measured level (default: ${DEFAULT-VALUE}).")
        double levelSeconds = 10;

        @Option(names = "--warmup-seconds", description = "Unmeasured load before each level and raw configuration (default: ${DEFAULT-VALUE}).")
        double warmupSeconds = 2;

        @Option(names = "--service-warmup-seconds", description = "Unmeasured load per model on a fresh service (default: ${DEFAULT-VALUE}).")
        double serviceWarmupSeconds = 40;

        @Option(names = "--raw-seconds", description = "Each raw ONNX Runtime configuration (default: ${DEFAULT-VALUE}).")
        double rawSeconds = 5;

        @Option(names = "--batch-size", description = "The raw batched runs' batch size (default: ${DEFAULT-VALUE}).")
        int batchSize = 32;

        @Option(names = "--intra-op-threads", description = "Raw sessions' intra-op threads (default: ${DEFAULT-VALUE}).")
        int intraOpThreads = 1;

        @Option(names = "--http", arity = "1", description = "Measure the HTTP service at all (default: ${DEFAULT-VALUE}).")
        boolean http = true;

        @Option(names = "--baseline", arity = "1", description = "Also the per-request design at the top level (default: ${DEFAULT-VALUE}).")
        boolean baseline = true;

        @Option(names = "--service-arg", paramLabel = "ARG", description = "An argument for the service, repeatable, "
                + "e.g. --service-arg=--seqserve.batching.workers=2.")
        List<String> serviceArgs = new ArrayList<>();

        @Option(names = "--pin", description = "The service and raw ONNX Runtime on core 1, the load generator on core 0 (taskset).")
        boolean pin;
    }
}
