package dev.seqserve.deploy;

import dev.seqserve.bench.ReviewCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fault command: a soak with RSS and thread samples, repeated SIGTERM under heavy load,
 * {@code kill -9} of a replica behind the gateway, and slow clients, against the packaged service
 * ({@code target/seqserve.jar}). Writes {@code fault-results/fault.md}; the README gives the command
 * ({@code ./mvnw -q -DskipTests package exec:exec@fault}) and {@link FaultOptions} the options.
 */
public final class FaultMain {

    private static final String COMMAND = "./mvnw -q -DskipTests package exec:exec@fault";

    private FaultMain() {}

    public static void main(String[] args) throws Exception {
        FaultOptions options = FaultOptions.parse(args);
        List<String> report = new ArrayList<>();
        report.add("# Fault run");
        report.add("");
        report.add("Made by `" + COMMAND + (args.length == 0 ? "" : " -Dfault.args=\"" + String.join(" ", args) + "\"")
                + "` on " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; service JVM "
                + options.java() + " unless a part says otherwise; jar and models of " + options.project() + ".");
        Files.createDirectories(options.out());
        Path file = options.out().resolve("fault.md");
        // the report is rewritten after each part, so a part that fails keeps what the others measured
        if (options.parts().contains("soak")) {
            soak(options, report);
            write(file, report);
        }
        if (options.parts().contains("sigterm")) {
            sigterm(options, report);
            write(file, report);
        }
        if (options.parts().contains("kill")) {
            kill(options, report);
            write(file, report);
        }
        if (options.parts().contains("slow")) {
            slow(options, report);
            write(file, report);
        }
        System.out.println(String.join("\n", report));
        log("wrote " + file);
    }

    private static void write(Path file, List<String> report) throws java.io.IOException {
        Files.writeString(file, String.join("\n", report) + "\n");
    }

    private static void soak(FaultOptions options, List<String> report) throws Exception {
        ReviewCorpus corpus = ReviewCorpus.load(options.reviewFile());
        log("soak: " + options.soakRequests() + " requests, " + options.soakClients() + " clients; reviews " + corpus.source());
        try (ServiceProcess service = ServiceProcess.startWith("fault-soak", options.launch()).awaitReady()) {
            Soak.Result r = Soak.run(service, corpus, options.soakRequests(), options.soakClients(), FaultMain::log);
            ProcStatus first = r.samples().get(0);
            ProcStatus middle = r.samples().get(r.samples().size() / 2);
            ProcStatus last = r.samples().get(r.samples().size() - 1);
            int maxThreads = r.samples().stream().mapToInt(ProcStatus::threads).max().orElse(0);
            report.add("");
            report.add("## Soak");
            report.add("");
            report.add(String.format(Locale.ROOT, "%,d requests (4 in 5 `/sentiment` with one real review, 1 in 5 `/forecast` "
                    + "of 1,095 values), %d keep-alive clients, in %d s (%.0f req/s); reviews: %s.", r.requests(),
                    options.soakClients(), r.took().toSeconds(), r.requests() / (r.took().toMillis() / 1000.0), corpus.source()));
            report.add("");
            report.add("| measure | value |");
            report.add("| --- | --- |");
            report.add(row("errors (answers other than 200, failed connections)", r.errors() + (r.errors() == 0 ? "" : " " + r.errorStatuses())));
            report.add(row("RSS at the start, middle, end (KiB)", String.format(Locale.ROOT, "%,d / %,d / %,d",
                    first.rssKib(), middle.rssKib(), last.rssKib())));
            report.add(row("RSS growth over the second half (median of the last tenth against the middle sample)",
                    String.format(Locale.ROOT, "%+.2f %%", 100 * r.rssGrowthSecondHalf())));
            report.add(row("OS threads at the start, middle, end (most)", first.threads() + " / " + middle.threads() + " / "
                    + last.threads() + " (" + maxThreads + ")"));
            report.add(row("answers to " + r.probes() + " fixed requests after the soak identical to before", r.sameAnswers() ? "yes" : "**no**"));
            report.add(row("RSS samples (one a second)", Integer.toString(r.samples().size())));
        }
    }

    private static void sigterm(FaultOptions options, List<String> report) throws Exception {
        Duration timeout = SigtermUnderLoad.configuredShutdownTimeout();
        Duration limit = timeout.plus(Duration.ofSeconds(10));
        report.add("");
        report.add("## SIGTERM under load");
        report.add("");
        report.add(String.format(Locale.ROOT, "%d runs; each starts the service, loads it with %d clients sending %d long reviews "
                + "a request (one connection per request), sends SIGTERM and waits up to %d s (the shutdown timeout %d s + 10 s).",
                options.sigtermRuns(), options.clients(), options.reviewsPerRequest(), limit.toSeconds(), timeout.toSeconds()));
        report.add("");
        report.add("| run | exit status | crashed | exit after (ms) | requests | in flight at SIGTERM | 200 | 503 + Retry-After | lost |");
        report.add("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        int crashes = 0;
        int lost = 0;
        long slowest = 0;
        for (int i = 1; i <= options.sigtermRuns(); i++) {
            SigtermRuns.Run run = SigtermRuns.once(i, options.launch(), limit, options.clients(), options.reviewsPerRequest());
            log("sigterm run " + i + ": " + run);
            crashes += run.crashed() ? 1 : 0;
            lost += run.lost();
            slowest = Math.max(slowest, run.exitAfter().toMillis());
            report.add(String.format(Locale.ROOT, "| %d | %d | %s | %d | %d | %d | %d | %d | %s |", i, run.exitStatus(),
                    run.crashed() ? "**yes**" : "no", run.exitAfter().toMillis(), run.requests(), run.inFlight(),
                    run.answered200(), run.answered503(), run.lost() + (run.lost() == 0 ? "" : " " + run.lostAs())));
        }
        report.add("");
        report.add(String.format(Locale.ROOT, "Crashes: %d of %d runs; in-flight requests lost: %d; slowest exit: %d ms.",
                crashes, options.sigtermRuns(), lost, slowest));
    }

    private static void kill(FaultOptions options, List<String> report) throws Exception {
        ReplicaKill.Result r = ReplicaKill.run(options.launch(), options.gatewayClients());
        report.add("");
        report.add("## kill -9 of a replica behind the gateway");
        report.add("");
        report.add(String.format(Locale.ROOT, "Two replicas behind `deploy/nginx/seqserve-gateway.conf` (Debian's nginx), %d clients "
                + "sending one review a request; replica 1 gets SIGKILL after 500 answers, the load goes on for 2,000 more: "
                + "%,d requests, %,d of them sent after the kill; failed: **%d**.", options.gatewayClients(), r.requests(),
                r.afterKill(), r.failed()));
    }

    private static void slow(FaultOptions options, List<String> report) throws Exception {
        report.add("");
        report.add("## Slow clients");
        report.add("");
        report.add(String.format(Locale.ROOT, "%d connections send a request's headers and 4 bytes of its 100-byte body, then stall "
                + "(reconnecting whenever the service closes one, `seqserve.limits.body-read-timeout` 10 s); after 50 calls of each "
                + "timed request to warm the service up, for %d s a "
                + "normal request on a new connection and the readiness probes are timed every 200 ms.",
                options.slowConnections(), options.slowSeconds()));
        report.add("");
        report.add("| service JVM | slow connections open (mean) | request | answers | within 1 s | p50 ms | max ms |");
        report.add("| --- | ---: | --- | ---: | ---: | ---: | ---: |");
        for (String java : options.slowJava()) {
            SlowClients.Result r = SlowClients.run(options.launch(java), options.slowConnections(), Duration.ofSeconds(options.slowSeconds()));
            log("slow clients on " + java + ": " + r);
            for (SlowClients.Timings t : r.timings()) {
                long max = t.percentile(1.0);
                report.add(String.format(Locale.ROOT, "| %s | %.0f | %s | %d | %d | %s | %s |", java, r.openOnAverage(), t.what(),
                        t.millis().size(), t.within(1_000), millis(t.percentile(0.5)), millis(max)));
            }
        }
    }

    private static String millis(long value) {
        return value == Long.MAX_VALUE ? "none" : Long.toString(value);
    }

    private static String row(String measure, String value) {
        return "| " + measure + " | " + value + " |";
    }

    static void log(String line) {
        System.out.println("[fault] " + line);
    }
}
