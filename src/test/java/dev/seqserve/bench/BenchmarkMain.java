package dev.seqserve.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.artifact.ArtifactFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures, in one run, raw ONNX Runtime against the HTTP service, and writes
 * {@code bench-results/benchmark.md}, {@code benchmark.json} and {@code latency.png}; the README gives
 * the command ({@code ./mvnw -q -DskipTests package exec:exec@bench}) and {@link BenchOptions} the options.
 */
public final class BenchmarkMain {

    private static final String COMMAND = "./mvnw -q -DskipTests package exec:exec@bench";
    private static final String CHART = "latency.png";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        BenchOptions options = BenchOptions.parse(args);
        Files.createDirectories(options.out());
        ReviewCorpus corpus = ReviewCorpus.load(options.reviews());
        BenchModels models = BenchModels.resolve(options.models(), options.out());
        List<ForecastInput> forecasts = new ArrayList<>();
        for (ArtifactFolder forecaster : models.forecast()) {
            forecasts.add(ForecastInput.of(forecaster, SeriesSamples.load(options.series().get(forecaster.manifest().name()))));
        }
        log("reviews: " + corpus.source() + "; series: " + forecasts.stream().map(f -> f.model() + " " + f.series().source())
                .toList() + "; models: " + models.location() + (models.fixtures() ? " (fixtures)" : ""));

        Pinning pinning = new Pinning(options.pin());
        pinning.self(Pinning.SERVICE_CORE);
        RawPhase rawPhase = new RawPhase(options, BenchmarkMain::log);
        Map<ArtifactFolder, List<int[]>> encoded = new LinkedHashMap<>();
        for (ArtifactFolder artifact : models.sentiment()) {
            encoded.put(artifact, RawPhase.encode(artifact, corpus.texts()));
        }
        int[] tokenCounts = encoded.isEmpty() ? null
                : encoded.values().iterator().next().stream().mapToInt(ids -> ids.length).toArray();
        List<RawResult> raw = new ArrayList<>(raw(rawPhase, encoded, forecasts));

        HttpPhase httpPhase = options.http() ? new HttpPhase(options, BenchmarkMain::log) : null;
        List<BatchReplay.Result> replays = new ArrayList<>();
        List<RequestThreadProfile.Result> profiles = new ArrayList<>();
        pinning.self(Pinning.LOAD_CORE);
        List<HttpResult> http = httpPhase == null ? List.of()
                : http(httpPhase, options, models, corpus, forecasts, encoded, replays, profiles);
        if (httpPhase != null) {
            log("raw ONNX Runtime again, after the HTTP parts");
            pinning.self(Pinning.SERVICE_CORE);
            raw(rawPhase, encoded, forecasts).forEach(r -> raw.add(r.inRound(RawResult.AFTER)));
        }
        List<String> sentimentNames = models.sentiment().stream().map(a -> a.manifest().name()).toList();
        List<String> forecastNames = forecasts.stream().map(ForecastInput::model).toList();
        BenchReport report = new BenchReport(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                command(args), environment(options, models, httpPhase == null ? "none" : httpPhase.loadGenerator()),
                inputs(corpus, tokenCounts, forecasts), raw, http, replays, profiles,
                new Acceptance(raw, http, replays, profiles, options.pin() ? 1 : Runtime.getRuntime().availableProcessors())
                        .checks(sentimentNames, forecastNames));
        write(report, options.out());
    }

    private static List<RawResult> raw(RawPhase phase, Map<ArtifactFolder, List<int[]>> encoded,
            List<ForecastInput> forecasts) throws OrtException, InterruptedException {
        List<RawResult> results = new ArrayList<>();
        for (Map.Entry<ArtifactFolder, List<int[]>> model : encoded.entrySet()) {
            results.addAll(phase.sentiment(model.getKey(), model.getValue()));
        }
        for (ForecastInput forecast : forecasts) {
            results.addAll(phase.forecast(forecast.artifact(), forecast.stretches()));
        }
        return results;
    }

    private static List<HttpResult> http(HttpPhase phase, BenchOptions options, BenchModels models, ReviewCorpus corpus,
            List<ForecastInput> forecasts, Map<ArtifactFolder, List<int[]>> encoded, List<BatchReplay.Result> replays,
            List<RequestThreadProfile.Result> profiles)
            throws IOException, InterruptedException, OrtException {
        List<HttpResult> results = new ArrayList<>();
        if (options.url() != null) {
            results.addAll(measureService(phase, new HttpPhase.Target(URI.create(options.url()), Optional.empty()), options,
                    models, corpus, forecasts));
            return results;
        }
        Path recording;
        try (BenchService service = BenchService.start(new Pinning(options.pin()), options.jar(), models.location(),
                options.out().resolve("service.log"), options.serviceArgs())) {
            log("service ready at " + service.base());
            phase.afterEachRealReviewLevel(w -> replays.add(replayLevel(service, w, encoded, options)));
            results.addAll(measureService(phase, service.target(), options, models, corpus, forecasts));
            phase.afterEachRealReviewLevel(w -> {});
            recording = service.dumpBatches(options.out().resolve("batches.jfr"));
        }
        if (options.baseline()) {
            int top = options.highestConcurrency();
            List<String> perRequest = new ArrayList<>(options.serviceArgs());
            perRequest.addAll(List.of("--seqserve.batching.max-batch-size=1", "--seqserve.batching.max-delay=0ms",
                    "--seqserve.batching.workers=" + top));
            try (BenchService service = BenchService.start(new Pinning(options.pin()), options.jar(), models.location(),
                    options.out().resolve("service-per-request.log"), perRequest)) {
                String model = models.sentiment().get(0).manifest().name();
                phase.warmService(service.target(), List.of(model), corpus.texts(), List.of());
                results.addAll(phase.sentiment(service.target(), "per-request", model, corpus.texts(), List.of(top)));
            }
        }
        new Pinning(options.pin()).self(Pinning.SERVICE_CORE);
        profiles.addAll(RequestThreadProfile.read(recording, phase.windows()));
        return results;
    }

    /**
     * Replays one level's batches right after it, the service idle: its batches so far dumped from its
     * flight recording, the replay on the service's core when pinning, then back to the load generator's.
     */
    private static BatchReplay.Result replayLevel(BenchService service, BatchReplay.Window w,
            Map<ArtifactFolder, List<int[]>> encoded, BenchOptions options) {
        Map.Entry<ArtifactFolder, List<int[]>> model = encoded.entrySet().stream()
                .filter(e -> e.getKey().manifest().name().equals(w.model())).findFirst().orElseThrow();
        Pinning pinning = new Pinning(options.pin());
        try {
            BatchReplay.Formed formed = BatchReplay.read(service.dumpBatches(options.out().resolve("batches.jfr")),
                    List.of(w)).get(w);
            pinning.self(Pinning.SERVICE_CORE);
            try (OrtSession session = new RawOrt(options.intraOpThreads()).open(model.getKey().modelFile())) {
                BatchReplay.Result r = BatchReplay.replay(w, formed, model.getValue(), OrtEnvironment.getEnvironment(),
                        session, RawPhase.signature(model.getKey().manifest()), options.batchSize());
                log(String.format(Locale.ROOT, "replay %-22s c=%-3d %6d batches (mean %.1f): %.3f ms CPU per review;"
                        + " the service's batch functions %.3f ms; offline %.3f ms", w.model(), w.concurrency(), r.batches(),
                        r.meanBatch(), r.replayCpuMsPerReview(), r.batchFunctionCpuMsPerReview(), r.offlineCpuMsPerReview()));
                return r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("replaying " + w + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + w, e);
        } finally {
            pinning.self(Pinning.LOAD_CORE);
        }
    }

    private static List<HttpResult> measureService(HttpPhase phase, HttpPhase.Target target, BenchOptions options,
            BenchModels models, ReviewCorpus corpus, List<ForecastInput> forecasts) {
        List<HttpResult> results = new ArrayList<>();
        phase.warmService(target, models.sentiment().stream().map(a -> a.manifest().name()).toList(), corpus.texts(),
                forecasts);
        for (ArtifactFolder artifact : models.sentiment()) {
            results.addAll(phase.sentiment(target, HttpPhase.MICRO_BATCHING, artifact.manifest().name(), corpus.texts(),
                    options.concurrency()));
            if (artifact == models.sentiment().get(0)) {
                // issue 13: the same reviews through V2 at the highest concurrency, right after /sentiment's
                results.addAll(phase.v2Sentiment(target, artifact.manifest().name(), corpus.texts(),
                        List.of(options.highestConcurrency())));
            }
        }
        for (ArtifactFolder artifact : models.sentiment()) {
            results.addAll(phase.oneWord(target, artifact.manifest().name()));
            results.addAll(phase.explained(target, artifact.manifest().name(), corpus.texts()));
        }
        for (ForecastInput forecast : forecasts) {
            results.addAll(phase.forecast(target, forecast));
        }
        return results;
    }

    private static BenchReport.Environment environment(BenchOptions options, BenchModels models, String loadGenerator) {
        return new BenchReport.Environment(
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), options.intraOpThreads(), options.batchSize(),
                models.location().toString(), models.fixtures(), options.serviceArgs(), loadGenerator
                        + (options.pin() ? "; pinned (taskset): service, raw runs and replays on core " + Pinning.SERVICE_CORE
                                + ", the load generator on core " + Pinning.LOAD_CORE : ""));
    }

    private static BenchReport.Inputs inputs(ReviewCorpus corpus, int[] tokens, List<ForecastInput> forecasts) {
        int[] sorted = tokens == null ? new int[] {0} : tokens.clone();
        Arrays.sort(sorted);
        return new BenchReport.Inputs(corpus.source(), Arrays.stream(sorted).average().orElse(0),
                sorted[sorted.length / 2], sorted[sorted.length - 1], forecasts.stream()
                        .map(f -> new BenchReport.Series(f.model(), f.series().source(), f.stretches().get(0).length, f.horizon()))
                        .toList());
    }

    private static void write(BenchReport report, Path out) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(out.resolve("benchmark.json"), json.writeValueAsString(report));
        String markdown = MarkdownReport.render(report, CHART);
        Files.writeString(out.resolve("benchmark.md"), markdown);
        if (!report.http().isEmpty()) {
            LatencyChart.write(report.http(), out.resolve(CHART));
        }
        log("wrote " + out.resolve("benchmark.md") + ", benchmark.json" + (report.http().isEmpty() ? "" : " and " + CHART));
        System.out.println(markdown);
    }

    private static String command(String[] args) {
        return args.length == 0 ? COMMAND : COMMAND + " -Dbench.args=\"" + String.join(" ", args) + "\"";
    }

    private static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
