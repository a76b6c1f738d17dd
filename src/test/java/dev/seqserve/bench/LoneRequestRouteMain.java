package dev.seqserve.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.serving.model.batch.BatchSettings;
import dev.seqserve.serving.model.batch.MicroBatcher;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What issue 12's choice of route costs a lone request, measured in this process on a real session:
 * one caller at a time runs a single-input batch either in place (its own thread, the route removed)
 * or through a {@link MicroBatcher} with the service's default settings (the route kept: every run
 * on a batch worker). Alternating blocks of each, it reports the process's CPU per request (all
 * threads, {@code OperatingSystemMXBean.getProcessCpuTime}), so a loaded machine inflates both sides
 * alike; medians over the blocks.
 *
 * <pre>./mvnw -q test-compile exec:exec@lone-route</pre>
 */
public final class LoneRequestRouteMain {

    private static final int BLOCKS = 6;
    private static final Duration BLOCK = Duration.ofSeconds(4);

    private LoneRequestRouteMain() {
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "model-artifacts");
        Path reviews = Path.of(args.length > 1 ? args[1] : "../shared/data/imdb/dev.csv.gz");
        RawOrt ort = new RawOrt(1);
        ReviewCorpus corpus = ReviewCorpus.load(reviews);
        ArtifactFolder lstm = ArtifactFolder.open(models.resolve("sentiment-lstm"));
        List<int[]> encoded = RawPhase.encode(lstm, corpus.texts().subList(0, 500));
        int[] median = encoded.stream().sorted((a, b) -> Integer.compare(a.length, b.length)).toList().get(250);
        ArtifactFolder temperature = ArtifactFolder.open(models.resolve("forecast-temperature"));
        int window = temperature.manifest().series().window();
        System.out.printf(Locale.ROOT, "%s; %s, %d cores; blocks of %d s, %d per route%n", corpus.source(),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), BLOCK.toSeconds(), BLOCKS);
        System.out.println("| model | input | route | CPU ms per request (median) | blocks | p50 ms per request |");
        System.out.println("| --- | --- | --- | ---: | --- | ---: |");
        measure("sentiment-lstm", "review of " + median.length + " tokens (median of 500)", ort, lstm,
                PreparedBatch.tokens(List.of(median), 1, false).get(0), "token_ids");
        measure("forecast-temperature", "window of " + window + " values", ort, temperature,
                PreparedBatch.windows(List.of(new float[window]), 1).get(0), "series");
    }

    private static void measure(String model, String input, RawOrt ort, ArtifactFolder artifact, PreparedBatch one,
            String values) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = ort.open(artifact.modelFile());
                MicroBatcher<PreparedBatch, Boolean> batcher = new MicroBatcher<>(batch -> {
                    run(env, session, batch.get(0), values);
                    return List.of(true);
                }, b -> 1, new BatchSettings(32, Duration.ofMillis(2), 1024, Duration.ofSeconds(10), 2, "route"))) {
            Route inPlace = () -> run(env, session, one, values);
            Route queued = () -> batcher.submit(one).get(10, TimeUnit.SECONDS);
            block(inPlace, Duration.ofSeconds(3));
            block(queued, Duration.ofSeconds(3));
            List<double[]> place = new ArrayList<>();
            List<double[]> queue = new ArrayList<>();
            for (int i = 0; i < BLOCKS; i++) {
                place.add(block(inPlace, BLOCK));
                queue.add(block(queued, BLOCK));
            }
            print(model, input, "in place, caller's thread (removed)", place);
            print(model, input, "queued, batch worker (kept)", queue);
        }
    }

    /** Runs the route in a closed loop for {@code time}: CPU ms per request and p50 ms per request. */
    private static double[] block(Route route, Duration time) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LongList latencies = new LongList();
        long cpu0 = os.getProcessCpuTime();
        long end = System.nanoTime() + time.toNanos();
        int requests = 0;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            route.run();
            latencies.add(System.nanoTime() - t0);
            requests++;
        }
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / requests;
        return new double[] {cpuMs, LatencyStats.of(latencies.toArray()).p50Ms()};
    }

    private static void print(String model, String input, String route, List<double[]> blocks) {
        double[] cpu = blocks.stream().mapToDouble(b -> b[0]).sorted().toArray();
        double[] p50 = blocks.stream().mapToDouble(b -> b[1]).sorted().toArray();
        String each = Arrays.stream(blocks.stream().mapToDouble(b -> b[0]).toArray())
                .mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).reduce((a, b) -> a + ", " + b).orElse("");
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.3f | %s | %.3f |%n", model, input, route,
                (cpu[cpu.length / 2 - 1] + cpu[cpu.length / 2]) / 2, each, (p50[p50.length / 2 - 1] + p50[p50.length / 2]) / 2);
    }

    private static void run(OrtEnvironment env, OrtSession session, PreparedBatch batch, String values) {
        try {
            batch.run(env, session, values, "sequence_lens");
        } catch (OrtException e) {
            throw new UncheckedIOException(new java.io.IOException(e));
        }
    }

    /** One request by one route. */
    @FunctionalInterface
    private interface Route {
        void run() throws Exception;
    }
}
