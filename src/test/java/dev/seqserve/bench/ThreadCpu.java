package dev.seqserve.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of a running service's threads by role, read from Linux's {@code /proc/<pid>/task}, so a
 * level can say where the service's CPU went per request. Threads are told apart by the first 15
 * characters of their names, which is all Linux keeps: seqserve's batch workers start with
 * {@code batch-}, Tomcat's request threads with {@code http-}, and the JIT compilers and garbage
 * collector have the JVM's own names. Elsewhere than Linux nothing is measured.
 */
final class ThreadCpu {

    /** Where a thread's CPU time is counted. */
    enum Role {
        /** Batch workers: every session run. */
        BATCH_WORKERS,
        /** Request threads: HTTP, JSON, validation and tokenizing (Tomcat's threads, its poller among them). */
        REQUEST_THREADS,
        /** The JIT compilers. */
        JIT,
        /** Everything else: garbage collection, the JVM's own threads, timers. */
        OTHER
    }

    /** Linux's USER_HZ, the unit of the times in {@code /proc/<pid>/task/<tid>/stat}, 100 on every common build. */
    static final double MILLIS_PER_TICK = 10.0;

    private final long pid;

    ThreadCpu(long pid) {
        this.pid = pid;
    }

    /** CPU milliseconds used so far by each role's threads that are alive now, or empty off Linux. */
    Optional<Map<Role, Double>> snapshot() {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        Map<Role, Double> millis = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            millis.put(role, 0.0);
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    millis.merge(role(name), ticks(Files.readString(thread.resolve("stat"))) * MILLIS_PER_TICK, Double::sum);
                } catch (IOException exited) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(millis);
    }

    static Role role(String name) {
        if (name.startsWith("batch-")) {
            return Role.BATCH_WORKERS;
        }
        if (name.startsWith("http-")) {
            return Role.REQUEST_THREADS;
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return Role.JIT;
        }
        return Role.OTHER;
    }

    /** User plus system time: fields 14 and 15 of a stat line, counted after the parenthesised name. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The CPU milliseconds per request of each role between two snapshots. */
    static Map<Role, Double> perRequest(Map<Role, Double> before, Map<Role, Double> after, long requests) {
        Map<Role, Double> result = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            result.put(role, requests == 0 ? Double.NaN : (after.get(role) - before.get(role)) / requests);
        }
        return result;
    }
}
