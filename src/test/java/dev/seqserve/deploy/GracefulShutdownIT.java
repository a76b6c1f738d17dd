package dev.seqserve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM during requests: the packaged service finishes what it accepted with 200, refuses new
 * connections, and exits within its configured shutdown timeout.
 */
@Needs(Needs.What.JAR)
class GracefulShutdownIT {

    /** JVM teardown after the last shutdown phase: closing the model sessions, exiting. */
    private static final Duration EXIT_SLACK = Duration.ofSeconds(10);

    @Test
    void sigtermLetsInFlightRequestsFinishRefusesNewOnesAndExitsInTime() throws Exception {
        Duration timeout = SigtermUnderLoad.configuredShutdownTimeout();

        try (ServiceProcess service = ServiceProcess.start("graceful-shutdown").awaitReady()) {
            SigtermUnderLoad.Result result = SigtermUnderLoad.run(service.port(), service::terminate,
                    service.process()::isAlive, timeout.plus(EXIT_SLACK));

            assertThat(result.exited())
                    .as("exited within %s (shutdown timeout %s + %s)", timeout.plus(EXIT_SLACK), timeout, EXIT_SLACK)
                    .isTrue();
            assertThat(result.inFlightAtSignal()).as("requests in flight when SIGTERM arrived").isNotEmpty()
                    .allSatisfy(o -> assertThat(o.status()).as("in-flight request %s", o).isEqualTo(200));
            assertThat(result.answeredWithError()).as("answers other than 200").isEmpty();
            assertThat(result.brokenInFlight()).as("requests sent before SIGTERM whose connection broke").isEmpty();
            assertThat(result.refusedWhileAlive())
                    .as("new connections refused while the process was still shutting down").isTrue();
            System.out.printf("graceful shutdown: %d requests, %d in flight at SIGTERM, exited after %d ms%n",
                    result.outcomes().size(), result.inFlightAtSignal().size(), result.exitAfter().toMillis());
        }
    }

    /**
     * A smaller run of what the fault command repeats 20 times: heavy batches on many connections,
     * queues overflowing. The drain must end before ONNX Runtime's shutdown hook can free its
     * environment, so the JVM exits with 143 and no fatal error, and every request in flight is
     * answered 200 or 503 with Retry-After.
     */
    @Test
    void sigtermUnderHeavyBatchesExitsCleanlyAndAnswersEveryRequestInFlight() throws Exception {
        Duration limit = SigtermUnderLoad.configuredShutdownTimeout().plus(EXIT_SLACK);

        SigtermRuns.Run run = SigtermRuns.once(0, ServiceProcess.Launch.here(), limit, 16, 64);

        assertThat(run.crashed()).as("crashed (exit status %d)", run.exitStatus()).isFalse();
        assertThat(run.exitStatus()).isEqualTo(SigtermRuns.SIGTERM_STATUS);
        assertThat(run.inFlight()).as("requests in flight at SIGTERM").isPositive();
        assertThat(run.lost()).as("in-flight requests not answered 200 or 503 + Retry-After: %s", run.lostAs()).isZero();
        assertThat(run.exitAfter()).isLessThanOrEqualTo(limit);
        System.out.printf("graceful shutdown under heavy batches: %s%n", run);
    }
}
