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
}
