package dev.seqserve.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as a child JVM on a free loopback port, started as a user starts it, with its
 * output in a log file; closing it sends SIGTERM and waits.
 */
final class BenchService implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final String RECORDING = "seqserve-batches";
    /** A flight-recorder configuration with nothing but the service's batch events. */
    private static final String BATCH_EVENTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="seqserve batches">
              <event name="dev.seqserve.Batch">
                <setting name="enabled">true</setting>
                <setting name="threshold">0 ms</setting>
              </event>
              <event name="jdk.ExecutionSample">
                <setting name="enabled">true</setting>
                <setting name="period">10 ms</setting>
              </event>
            </configuration>
            """;

    private final Process process;
    private final URI base;
    private final Path log;

    private BenchService(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts {@code java -jar jar} and waits until its readiness probe answers 200.
     *
     * @param args extra service arguments, such as batching settings
     */
    static BenchService start(Path jar, Path models, Path log, List<String> args) throws IOException, InterruptedException {
        return start(new Pinning(false), jar, models, log, args);
    }

    /** As {@link #start(Path, Path, Path, List)}, on {@link Pinning#SERVICE_CORE} when pinning. */
    static BenchService start(Pinning pinning, Path jar, Path models, Path log, List<String> args)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it with ./mvnw -DskipTests package");
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path settings = log.resolveSibling("batches.jfc");
        Files.createDirectories(log.getParent());
        Files.writeString(settings, BATCH_EVENTS);
        List<String> command = new ArrayList<>(pinning.prefix(Pinning.SERVICE_CORE));
        command.addAll(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-XX:StartFlightRecording:name=" + RECORDING + ",settings=" + settings.toAbsolutePath(),
                "-jar", jar.toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--seqserve.models.location=" + models.toAbsolutePath()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // ONNX Runtime 1.29 crashes at start-up on this kind of machine unless its telemetry is off.
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        BenchService service = new BenchService(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        service.awaitReady();
        return service;
    }

    /**
     * Writes the batches the service has run so far ({@code dev.seqserve.Batch} events) to {@code file}
     * with {@code jcmd}, beside the JVM that runs the benchmark.
     */
    Path dumpBatches(Path file) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.getParent() == null ? Path.of("jcmd") : java.resolveSibling("jcmd");
        Files.deleteIfExists(file);
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "JFR.dump",
                "name=" + RECORDING, "filename=" + file.toAbsolutePath()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!dump.waitFor(60, TimeUnit.SECONDS) || dump.exitValue() != 0 || !Files.isRegularFile(file)) {
            throw new IllegalStateException("jcmd JFR.dump of the service failed");
        }
        return file;
    }

    URI base() {
        return base;
    }

    /** The service process's id, for reading its {@code /proc} entries. */
    long pid() {
        return process.pid();
    }

    /** The service as the HTTP phase measures it, with its threads' CPU counters. */
    HttpPhase.Target target() {
        return new HttpPhase.Target(base, Optional.of(new ThreadCpu(process.pid())));
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("the service was not ready within " + START_TIMEOUT + "; see " + log);
    }

    /** Sends SIGTERM, waits up to 60 s for a graceful stop, then kills it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
