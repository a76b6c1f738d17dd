package dev.seqserve.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * SIGTERM to the packaged service while many clients send it big batches, run after run: whether
 * the JVM exited cleanly (status 143, no fatal error report), how the requests in flight at the
 * signal ended, and how long the exit took.
 */
final class SigtermRuns {

    /**
     * One run.
     *
     * @param exitStatus the process's exit status, -1 when it had not exited in time
     * @param crashed a status other than 143, or a JVM fatal error in the log or an hs_err file
     * @param inFlight requests sent before the signal and finished after it
     * @param answered200 of those, answered 200
     * @param answered503 of those, answered 503 with Retry-After
     * @param lost of those, broken connections or other answers
     */
    record Run(int exitStatus, boolean crashed, Duration exitAfter, int requests, int inFlight, int answered200,
            int answered503, int lost, Map<String, Long> lostAs) {}

    private SigtermRuns() {}

    static Run once(int index, ServiceProcess.Launch launch, Duration exitTimeout, int clients, int reviews) throws IOException {
        try (ServiceProcess service = ServiceProcess.startWith("fault-sigterm-" + index, launch).awaitReady()) {
            SigtermUnderLoad.Result result = SigtermUnderLoad.run(service.port(), service::terminate,
                    service.process()::isAlive, exitTimeout, clients, reviews, 0);
            int status = result.exited() ? service.process().exitValue() : -1;
            List<RawHttp.Outcome> inFlight = result.inFlightAtSignal();
            int ok = (int) inFlight.stream().filter(RawHttp.Outcome::ok).count();
            int busy = (int) inFlight.stream()
                    .filter(o -> o.kind() == RawHttp.Kind.ANSWERED && o.status() == 503 && o.hasRetryAfter()).count();
            int lost = inFlight.size() - ok - busy;
            Map<String, Long> lostAs = inFlight.stream()
                    .filter(o -> !o.ok() && !(o.kind() == RawHttp.Kind.ANSWERED && o.status() == 503 && o.hasRetryAfter()))
                    .collect(Collectors.groupingBy(
                            o -> o.kind() == RawHttp.Kind.ANSWERED ? "answered " + o.status() : o.kind() + " " + o.error(),
                            TreeMap::new, Collectors.counting()));
            String log = Files.readString(service.log());
            Path hsErr = ProjectFiles.file("hs_err_pid" + service.process().pid() + ".log");
            boolean crashed = status != SIGTERM_STATUS || log.contains("A fatal error has been detected")
                    || Files.exists(hsErr);
            return new Run(status, crashed, result.exitAfter(), result.outcomes().size(), inFlight.size(), ok, busy, lost,
                    lostAs);
        }
    }

    /** What a JVM that SIGTERM ended exits with. */
    static final int SIGTERM_STATUS = 143;
}
