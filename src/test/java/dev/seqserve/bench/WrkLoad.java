package dev.seqserve.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closed-loop HTTP load from <a href="https://github.com/wg/wrk">wrk</a> (Debian's package {@code wrk}):
 * {@code concurrency} connections each send one request, wait for its answer and send the next. wrk is
 * a separate, event-driven C process on one thread, so the load generator takes little of the CPU the
 * service is measured on. A Lua script sends the given bodies in turn and prints wrk's own counts and
 * latency percentiles as JSON when the level ends. Loopback only.
 */
final class WrkLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESULT_PREFIX = "WRK_RESULT ";
    private static final String START_STAT_PREFIX = "WRK_STAT_START ";
    private static final String END_STAT_PREFIX = "WRK_STAT_END ";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String SCRIPT = """
            -- Written by seqserve's benchmark (WrkLoad): posts the bodies in %1$s in turn.
            local bodies = {}
            for line in io.lines("%1$s") do bodies[#bodies + 1] = line end
            local next_body = 0
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"

            request = function()
              next_body = next_body %% #bodies + 1
              return wrk.format(nil, nil, nil, bodies[next_body])
            end

            -- wrk's /proc/self/stat now and when the level ends (nil off Linux), for its own CPU time.
            local function stat()
              local f = io.open("/proc/self/stat")
              if not f then return nil end
              local line = f:read("*l")
              f:close()
              return line
            end
            local start_stat = stat()

            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format(
                '%2$s{"requests":%%d,"micros":%%d,"connect":%%d,"read":%%d,"write":%%d,"status":%%d,"timeout":%%d,'
                .. '"mean":%%f,"p50":%%d,"p90":%%d,"p99":%%d,"max":%%d}\\n',
                summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
                latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
              local end_stat = stat()
              if start_stat and end_stat then
                io.write("%3$s" .. start_stat .. "\\n%4$s" .. end_stat .. "\\n")
              end
            end
            """;

    private final Path work;
    private final String wrk;
    private final Pinning pinning;
    private int files;

    /**
     * @param work a folder for the request bodies and the Lua script
     * @param pinning where wrk runs
     */
    WrkLoad(Path work, Pinning pinning) {
        this.work = work;
        this.wrk = find();
        this.pinning = pinning;
    }

    /** wrk's version line, for the report. */
    String version() {
        List<String> out = exec(List.of(wrk, "-v"), Duration.ofSeconds(10));
        if (out.isEmpty()) {
            return "wrk";
        }
        String line = out.get(0).trim();
        int copyright = line.indexOf(" Copyright");
        return copyright > 0 ? line.substring(0, copyright) : line;
    }

    /**
     * Writes the bodies and the Lua script that sends them.
     *
     * @param bodies JSON bodies without line breaks, sent in turn
     * @return the script, for {@link #warm} and {@link #measure}
     */
    Path prepare(List<byte[]> bodies) {
        try {
            Files.createDirectories(work);
            int n = ++files;
            Path bodyFile = work.resolve("bodies-" + n + ".jsonl");
            List<String> lines = new ArrayList<>(bodies.size());
            for (byte[] body : bodies) {
                String line = new String(body, StandardCharsets.UTF_8);
                if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("a request body holds a line break");
                }
                lines.add(line);
            }
            Files.write(bodyFile, lines, StandardCharsets.UTF_8);
            Path script = work.resolve("bodies-" + n + ".lua");
            Files.writeString(script, String.format(SCRIPT, bodyFile.toAbsolutePath(), RESULT_PREFIX,
                    START_STAT_PREFIX, END_STAT_PREFIX));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends load for {@code time} without measuring it, so the service settles. */
    void warm(URI uri, Path script, int concurrency, Duration time) {
        requireLoopback(uri);
        if (!time.isZero()) {
            level(uri, script, concurrency, time);
        }
    }

    /** Measures one level of {@code time}; the result has no CPU figures yet. */
    HttpResult measure(URI uri, Path script, String endpoint, String model, String setup, int concurrency, Duration time) {
        requireLoopback(uri);
        Level level = level(uri, script, concurrency, time);
        JsonNode r = level.result();
        double seconds = r.get("micros").asLong() / 1e6;
        Map<String, Long> byKind = new TreeMap<>();
        for (String kind : List.of("connect", "read", "write", "status", "timeout")) {
            long count = r.get(kind).asLong();
            if (count > 0) {
                byKind.put(kind.equals("status") ? "HTTP status other than 2xx/3xx" : kind, count);
            }
        }
        long errors = byKind.values().stream().mapToLong(Long::longValue).sum();
        long answered = r.get("requests").asLong(); // every response, whatever its status
        long failedStatus = r.get("status").asLong();
        long succeeded = answered - failedStatus;
        LatencyStats latency = new LatencyStats(answered, r.get("mean").asDouble() / 1e3, r.get("p50").asLong() / 1e3,
                r.get("p90").asLong() / 1e3, r.get("p99").asLong() / 1e3, r.get("max").asLong() / 1e3);
        long requests = answered + errors - failedStatus;
        double loadCpu = level.cpuTicks().isEmpty() || requests == 0 ? Double.NaN
                : level.cpuTicks().getAsLong() * ThreadCpu.MILLIS_PER_TICK / requests;
        return new HttpResult(endpoint, model, setup, concurrency, requests, errors,
                byKind, seconds, succeeded / seconds, latency, loadCpu, Map.of());
    }

    /**
     * What one wrk run printed.
     *
     * @param result wrk's counts and latency percentiles
     * @param cpuTicks wrk's own user plus system CPU over the run, in clock ticks; empty off Linux
     */
    private record Level(JsonNode result, OptionalLong cpuTicks) {}

    private Level level(URI uri, Path script, int concurrency, Duration time) {
        long secs = Math.max(1, time.toSeconds());
        List<String> command = pinning.command(Pinning.LOAD_CORE, List.of(wrk, "-t1", "-c" + concurrency, "-d" + secs + "s",
                "--timeout", REQUEST_TIMEOUT.toSeconds() + "s", "-s", script.toString(), uri.toString()));
        List<String> out = exec(command, time.plus(REQUEST_TIMEOUT).plusSeconds(30));
        JsonNode result = JSON.readTree(line(out, RESULT_PREFIX)
                .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + String.join("\n", out))));
        Optional<String> start = line(out, START_STAT_PREFIX);
        Optional<String> end = line(out, END_STAT_PREFIX);
        OptionalLong ticks = start.isEmpty() || end.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(ThreadCpu.ticks(end.get()) - ThreadCpu.ticks(start.get()));
        return new Level(result, ticks);
    }

    /** The rest of the first output line that starts with {@code prefix}. */
    private static Optional<String> line(List<String> out, String prefix) {
        return out.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst();
    }

    private static List<String> exec(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> process.inputReader(StandardCharsets.UTF_8).lines().forEach(lines::add));
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            reader.join();
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("the HTTP parts need wrk on the PATH: install it with `sudo apt-get install wrk`"
                + " (Debian, Ubuntu), or run only the in-process part with -Dbench.args=--http=false");
    }

    private static void requireLoopback(URI uri) {
        String host = uri.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("the load generator only targets loopback addresses, not " + host);
        }
    }
}
