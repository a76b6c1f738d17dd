package dev.seqserve.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/seqserve.jar}) running as a child JVM on a free loopback port,
 * started the way a user starts it, so that a test can send it a real SIGTERM.
 */
final class ServiceProcess implements AutoCloseable {

    /** How long start-up (loading and warming every model) may take on a busy 2-core machine. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static Path jar() {
        return ProjectFiles.file("target/seqserve.jar");
    }

    /**
     * What runs: a {@code java} binary, and the checkout whose {@code target/seqserve.jar} and
     * {@code model-artifacts/} it runs (another checkout, to measure an earlier build).
     */
    record Launch(String java, Path project) {

        /** This JVM's java and this project. */
        static Launch here() {
            return new Launch(ProcessHandle.current().info().command().orElse("java"), ProjectFiles.root());
        }
    }

    /** Starts the jar; returns at once (see {@link #awaitReady()}). Output goes to target/deploy-it/. */
    static ServiceProcess start(String name, String... extraArgs) {
        return startWith(name, Launch.here(), extraArgs);
    }

    /** Starts a jar as {@code launch} says. */
    static ServiceProcess startWith(String name, Launch launch, String... extraArgs) {
        int port = freePort();
        Path root = ProjectFiles.root();
        Path log = root.resolve("target/deploy-it/" + name + ".log");
        List<String> command = new ArrayList<>(List.of(launch.java(), "-Xmx768m",
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-jar", launch.project().resolve("target/seqserve.jar").toString(),
                "--server.port=" + port,
                "--seqserve.models.location=" + launch.project().resolve("model-artifacts")));
        command.addAll(List.of(extraArgs));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServiceProcess(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    /** Waits until readiness answers 200; fails with the log's tail if the process dies or times out. */
    ServiceProcess awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " during start-up:\n" + logTail());
            }
            // the main port's probe path, which stays there when management moves to its own port
            if (RawHttp.get(port, "/readyz").ok()) {
                return this;
            }
            sleep(250);
        }
        throw new AssertionError(name + " not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** SIGTERM, as `kill`, `docker stop` and Kubernetes send it. */
    void terminate() {
        process.destroy();
    }

    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path log() {
        return log;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
