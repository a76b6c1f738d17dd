package dev.seqserve.deploy;

import java.time.Duration;
import java.util.List;

/** {@code kill -9} of one of two replicas behind the nginx gateway under load: what the clients lost. */
final class ReplicaKill {

    /** @param failed requests not answered 200, out of {@code requests} */
    record Result(int requests, int failed, int afterKill) {}

    private ReplicaKill() {}

    static Result run(ServiceProcess.Launch launch, int clients) throws Exception {
        try (ServiceProcess first = ServiceProcess.startWith("fault-kill-replica-1", launch);
                ServiceProcess second = ServiceProcess.startWith("fault-kill-replica-2", launch)) {
            first.awaitReady();
            second.awaitReady();
            try (NginxGateway gateway = NginxGateway.start(NginxGateway.binary().orElseThrow(
                    () -> new IllegalStateException("nginx is not installed (apt-get install nginx)")),
                    List.of(first.port(), second.port()))) {
                String body = Requests.sentiment();
                List<RawHttp.Outcome> outcomes;
                long killedAt;
                try (Load load = Load.start("kill9-load", clients, Duration.ofMinutes(3), 200_000,
                        () -> RawHttp.postJson(gateway.port(), "/sentiment", body))) {
                    load.awaitSucceeded(500, Duration.ofMinutes(1));
                    killedAt = System.nanoTime();
                    first.process().destroyForcibly(); // SIGKILL: no drain, no goodbye
                    first.awaitExit(Duration.ofSeconds(30));
                    long now = load.succeeded();
                    load.awaitSucceeded(now + 2_000, Duration.ofMinutes(2));
                    outcomes = load.stop();
                }
                int failed = (int) outcomes.stream().filter(o -> !o.ok()).count();
                int afterKill = (int) outcomes.stream().filter(o -> o.sentNanos() >= killedAt).count();
                return new Result(outcomes.size(), failed, afterKill);
            }
        }
    }
}
