package dev.seqserve.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends SIGTERM to a service while clients keep it busy, and records what the clients saw: which
 * requests were in flight and how they ended, when new connections started to be refused, and how
 * long the process took to exit.
 */
final class SigtermUnderLoad {

    /** What the clients saw. Times are System.nanoTime values. */
    record Result(List<RawHttp.Outcome> outcomes, long signalNanos, boolean refusedWhileAlive,
            boolean exited, Duration exitAfter) {

        /** Requests sent before the signal and answered after it: in flight when SIGTERM arrived. */
        List<RawHttp.Outcome> inFlightAtSignal() {
            return outcomes.stream().filter(o -> o.sentNanos() < signalNanos && o.doneNanos() > signalNanos).toList();
        }

        /** Answers other than 200: a shutdown must not turn accepted work into errors. */
        List<RawHttp.Outcome> answeredWithError() {
            return outcomes.stream().filter(o -> o.kind() == RawHttp.Kind.ANSWERED && o.status() != 200).toList();
        }

        /** Connections that broke after a request sent before the signal: lost in-flight work. */
        List<RawHttp.Outcome> brokenInFlight() {
            return outcomes.stream()
                    .filter(o -> o.kind() == RawHttp.Kind.BROKEN && o.sentNanos() < signalNanos).toList();
        }
    }

    private SigtermUnderLoad() {}

    /**
     * Loads {@code port} with sentiment batches, sends the signal, then probes with new connections
     * until they are refused and waits up to {@code exitTimeout} for the process to end.
     */
    static Result run(int port, Runnable sigterm, BooleanSupplier alive, Duration exitTimeout) {
        return run(port, sigterm, alive, exitTimeout, 3, 32, 6);
    }

    /**
     * As {@link #run(int, Runnable, BooleanSupplier, Duration)} with {@code clients} connections at once,
     * each request a batch of {@code reviews} long reviews, signalling once {@code successes} requests
     * have been answered 200 and twice {@code clients} have ended (under overload most end in 503).
     */
    static Result run(int port, Runnable sigterm, BooleanSupplier alive, Duration exitTimeout, int clients, int reviews,
            int successes) {
        String batch = Requests.sentimentBatch(reviews);
        try (Load load = Load.start("sigterm-load", clients, Duration.ofMinutes(3), 100_000,
                () -> RawHttp.postJson(port, "/sentiment", batch))) {
            load.awaitSucceeded(successes, Duration.ofMinutes(2)).awaitFinished(2L * clients, Duration.ofMinutes(1));
            long signal = System.nanoTime();
            sigterm.run();
            long deadline = signal + exitTimeout.toNanos();
            boolean refusedWhileAlive = false;
            while (System.nanoTime() < deadline && alive.getAsBoolean()) {
                if (RawHttp.get(port, "/models").kind() == RawHttp.Kind.REFUSED) {
                    refusedWhileAlive = alive.getAsBoolean();
                    break;
                }
                ServiceProcess.sleep(10);
            }
            while (System.nanoTime() < deadline && alive.getAsBoolean()) {
                ServiceProcess.sleep(50);
            }
            boolean exited = !alive.getAsBoolean();
            Duration exitAfter = Duration.ofNanos(System.nanoTime() - signal);
            return new Result(load.stop(), signal, refusedWhileAlive, exited, exitAfter);
        }
    }

    /**
     * The shutdown timeout the application is configured with
     * ({@code spring.lifecycle.timeout-per-shutdown-phase}, Spring Boot's default 30 s when unset).
     */
    static Duration configuredShutdownTimeout() throws java.io.IOException {
        Pattern setting = Pattern.compile("timeout-per-shutdown-phase\\s*[:=]\\s*\"?(\\d+)\\s*(ms|s|m)?");
        for (String name : List.of("application.yml", "application.yaml", "application.properties")) {
            Path file = ProjectFiles.file("src/main/resources/" + name);
            if (Files.isRegularFile(file)) {
                Matcher m = setting.matcher(Files.readString(file));
                if (m.find()) {
                    long value = Long.parseLong(m.group(1));
                    String unit = m.group(2) == null ? "ms" : m.group(2);
                    return switch (unit) {
                        case "s" -> Duration.ofSeconds(value);
                        case "m" -> Duration.ofMinutes(value);
                        default -> Duration.ofMillis(value);
                    };
                }
            }
        }
        return Duration.ofSeconds(30);
    }
}
