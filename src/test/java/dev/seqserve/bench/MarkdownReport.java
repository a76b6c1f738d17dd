package dev.seqserve.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders a {@link BenchReport} as the markdown the README quotes. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(BenchReport report, String chartFile) {
        StringBuilder md = new StringBuilder();
        BenchReport.Environment env = report.environment();
        BenchReport.Inputs in = report.inputs();
        md.append("# seqserve benchmark\n\n")
                .append("Made by `").append(report.command()).append("` on ").append(report.created()).append(".\n\n")
                .append(String.format(Locale.ROOT, "- Machine: %d cores, %s, %s%n", env.cores(), env.os(), env.java()))
                .append("- Models: ").append(env.models()).append(env.fixtures()
                        ? " — **small test fixtures (hidden 6), not the trained models: the numbers show overheads, not model cost**"
                        : "").append('\n')
                .append(String.format(Locale.ROOT, "- Reviews: %s; the model reads %.1f tokens on average (median %d, max %d)%n",
                        in.reviews(), in.meanTokens(), in.p50Tokens(), in.maxTokens()))
                .append(in.series().stream().map(s -> String.format(Locale.ROOT, "- Series for %s: %s, %d values and %d steps per request%n",
                        s.model(), s.source(), s.length(), s.horizon())).collect(Collectors.joining()))
                .append(String.format(Locale.ROOT, "- Raw sessions: %d intra-op thread(s), batch size %d; service arguments: %s%n",
                        env.intraOpThreads(), env.batchSize(), env.serviceArgs().isEmpty() ? "defaults" : env.serviceArgs()))
                .append("- HTTP load: ").append(env.loadGenerator()).append(", one thread, on the same machine\n\n");
        md.append("## (a) ONNX Runtime alone, in process\n\n")
                .append("Measured before the HTTP parts and again after them; the acceptance checks compare the "
                        + "service with the better of the two.\n\n")
                .append("| model | batches | batch | callers | round | items/s | p50 ms/call | p99 ms/call | padding |\n")
                .append("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
        for (RawResult r : report.raw()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %.0f | %.3f | %.3f | %.0f%% |%n", r.model(),
                    r.mode(), r.batchSize(), r.callers(), r.round(), r.itemsPerSecond(), r.perCall().p50Ms(),
                    r.perCall().p99Ms(), 100 * r.paddingWaste()));
        }
        md.append("\n## (b, c) The HTTP service under a closed-loop load generator (wrk)\n\n");
        if (report.http().isEmpty()) {
            return md.append("Not measured in this run (`--http=false`).\n").toString();
        }
        md.append("| endpoint | model | setup | concurrency | requests | errors | req/s | p50 ms | p99 ms | max ms |\n")
                .append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (HttpResult h : report.http()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %.0f | %.2f | %.2f | %.1f |%n", h.endpoint(),
                    h.model(), h.setup(), h.concurrency(), h.requests(), h.errors(), h.requestsPerSecond(),
                    h.latency().p50Ms(), h.latency().p99Ms(), h.latency().maxMs()));
        }
        if (report.http().stream().anyMatch(h -> h.setup().equals("per-request"))) {
            md.append("\n`per-request` is the plain design for comparison: the same service with batches of one "
                    + "and as many batch workers as clients, so every request calls the session on its own.\n");
        }
        if (report.http().stream().anyMatch(h -> !h.cpuMsPerRequest().isEmpty())) {
            md.append("\n### Where the service's CPU went, in ms per request\n\n")
                    .append("Per-thread CPU time of the service process while each level ran (Linux `/proc`). Batch workers "
                            + "run every session call; request threads (Tomcat's, its poller among them) do HTTP, JSON, "
                            + "validation and tokenizing; the JIT compilers settle after the warm-up. The last "
                            + "column is the load generator's own CPU (wrk's `/proc/self/stat`), on the same cores.\n\n")
                    .append("| endpoint | model | setup | concurrency | batch workers | request threads | JIT | other "
                            + "| service total | wrk |\n")
                    .append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (HttpResult h : report.http()) {
                Map<ThreadCpu.Role, Double> cpu = h.cpuMsPerRequest();
                if (cpu.isEmpty()) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                        h.endpoint(), h.model(), h.setup(), h.concurrency(), cpu.get(ThreadCpu.Role.BATCH_WORKERS),
                        cpu.get(ThreadCpu.Role.REQUEST_THREADS), cpu.get(ThreadCpu.Role.JIT), cpu.get(ThreadCpu.Role.OTHER),
                        h.serviceCpuMsPerRequest(), h.loadCpuMsPerRequest()));
            }
        }
        if (!report.replays().isEmpty()) {
            md.append("\n#### The service's CPU against the replay of its own batches\n\n")
                    .append("The batches the service formed in each level (its `dev.seqserve.Batch` flight-recorder "
                            + "events), rebuilt from the same reviews and run again through raw ONNX Runtime on one thread, "
                            + "right after the level while the service idles, "
                            + "with the same thread settings (at most 4,000 reviews per level, the batches sampled evenly), "
                            + BatchReplay.PASSES + " passes: the online limit, the median pass and in brackets the cheapest "
                            + "and dearest, as far as the machine's speed moved between passes. The offline limit is the whole "
                            + "corpus in length-sorted batches. \"in batch functions\" is the batch workers' CPU inside the "
                            + "service's batch functions (tensors, session run, output), the events' own CPU time: the rest of "
                            + "the batch workers' CPU is queueing, waking and completing the requests.\n\n")
                    .append("| model | concurrency | batches | mean batch | service CPU ms/request | request threads | "
                            + "batch workers | in batch functions | replay CPU ms/review | service / replay | "
                            + "batch functions / replay | offline ms/review |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (BatchReplay.Result r : report.replays()) {
                sentimentLevel(report, r.model(), HttpPhase.MICRO_BATCHING, r.concurrency()).ifPresent(h -> {
                    double total = h.serviceCpuMsPerRequest();
                    md.append(String.format(Locale.ROOT,
                            "| %s | %d | %d | %.1f | %.3f | %.3f | %.3f | %.3f | %.3f (%.3f–%.3f) | %.2f | %.2f | %.3f |%n",
                            r.model(), r.concurrency(), r.batches(), r.meanBatch(), total,
                            h.cpuMsPerRequest().get(ThreadCpu.Role.REQUEST_THREADS),
                            h.cpuMsPerRequest().get(ThreadCpu.Role.BATCH_WORKERS), r.batchFunctionCpuMsPerReview(),
                            r.replayCpuMsPerReview(), r.replay().low(), r.replay().high(), r.replay().over(total),
                            r.replay().over(r.batchFunctionCpuMsPerReview()), r.offlineCpuMsPerReview()));
                });
            }
        }
        appendProfiles(md, report);
        md.append("\n## Acceptance checks (issues 4, 11, 14)\n\n| criterion | measured | holds |\n| --- | --- | --- |\n");
        for (BenchReport.Check c : report.acceptance()) {
            md.append("| ").append(c.criterion()).append(" | ").append(c.measured()).append(" | ")
                    .append(c.pass() == null ? "n/a" : c.pass() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n![latency against concurrency](").append(chartFile).append(")\n");
        return md.toString();
    }

    /** Request-thread CPU per request by part, from the level's samples and its request-thread CPU. */
    private static void appendProfiles(StringBuilder md, BenchReport report) {
        List<RequestThreadProfile.Result> profiles = report.profiles().stream().filter(p -> p.samples() > 0).toList();
        if (profiles.isEmpty()) {
            return;
        }
        List<Double> requestCpu = new ArrayList<>();
        for (RequestThreadProfile.Result p : profiles) {
            requestCpu.add(sentimentLevel(report, p.model(), p.setup(), p.concurrency())
                    .map(h -> h.cpuMsPerRequest().get(ThreadCpu.Role.REQUEST_THREADS)).orElse(Double.NaN));
        }
        md.append("\n#### Where the request threads' CPU went, by part\n\n")
                .append("The service's flight recording samples its threads every 10 ms (`jdk.ExecutionSample`); each "
                        + "request-thread sample in a level counts for the code whose frame is innermost once the JDK's own "
                        + "frames are skipped. Each cell is that part's share of the samples times the level's request-thread "
                        + "CPU per request (the CPU table): ms per request, and the share. The one-word columns are the floor's "
                        + "levels: the same route and framework code with almost no review to read, so what a part costs "
                        + "more in a real-review column of the same concurrency is what the reviews add, in work (tokenizing, "
                        + "a longer body to read and parse) and in caches emptied by the longer session runs in between.\n\n"
                        + "| part |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (RequestThreadProfile.Result p : profiles) {
            md.append(' ').append(p.model()).append(" c=").append(p.concurrency())
                    .append(p.setup().equals(HttpPhase.ONE_WORD) ? ", one word" : "").append(" |");
            rule.append(" ---: |");
        }
        md.append('\n').append(rule).append("\n| samples |");
        for (RequestThreadProfile.Result p : profiles) {
            md.append(' ').append(p.samples()).append(" |");
        }
        md.append('\n');
        for (String part : RequestThreadProfile.partNames()) {
            md.append("| ").append(part).append(" |");
            for (int i = 0; i < profiles.size(); i++) {
                double share = profiles.get(i).share(part);
                md.append(String.format(Locale.ROOT, " %.3f (%.0f%%) |", share * requestCpu.get(i), share * 100));
            }
            md.append('\n');
        }
    }

    /** The measured {@code /sentiment} level of a model and setup, with its CPU figures. */
    private static Optional<HttpResult> sentimentLevel(BenchReport report, String model, String setup, int concurrency) {
        return report.http().stream().filter(h -> h.endpoint().equals("/sentiment") && h.model().equals(model)
                        && h.setup().equals(setup) && h.concurrency() == concurrency
                        && !h.cpuMsPerRequest().isEmpty())
                .findFirst();
    }
}
