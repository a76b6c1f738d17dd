package dev.seqserve.deploy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fault run does, from {@code --name=value} arguments.
 *
 * @param parts which parts run: {@code soak}, {@code sigterm}, {@code kill}, {@code slow}
 * @param java the {@code java} binary that runs the service (default: this JVM's)
 * @param project the checkout whose jar and models run (default: this one)
 * @param reviewFile the IMDb reviews the soak sends (synthetic texts when absent)
 * @param out where {@code fault.md} goes
 * @param soakRequests requests in the soak
 * @param soakClients concurrent keep-alive clients in the soak
 * @param sigtermRuns how many times the service is started, loaded and sent SIGTERM
 * @param clients concurrent clients while SIGTERM arrives
 * @param reviewsPerRequest per SIGTERM request, reviews in its {@code texts}
 * @param gatewayClients concurrent clients through the gateway while a replica is killed
 * @param slowConnections stalled connections held open
 * @param slowSeconds how long the requests beside them are timed
 * @param slowJava the service JVMs the slow-client part runs on, in turn
 */
record FaultOptions(List<String> parts, String java, Path project, Path reviewFile, Path out, long soakRequests, int soakClients,
        int sigtermRuns, int clients, int reviewsPerRequest, int gatewayClients, int slowConnections, int slowSeconds,
        List<String> slowJava) {

    static final String USAGE = """
            dev.seqserve.deploy.FaultMain [--name=value ...]
              --parts=soak,sigterm,kill,slow  --java=(this JVM)  --project=(this checkout)  --reviews=../shared/data/imdb/dev.csv.gz  --out=fault-results
              --soak-requests=200000  --soak-clients=8  --sigterm-runs=20  --clients=64  --reviews-per-request=64
              --gateway-clients=8  --slow-connections=300  --slow-seconds=20  --slow-java=(--java),/usr/lib/jvm/temurin-25-jdk-amd64/bin/java""";

    static FaultOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg + "\n" + USAGE);
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String java = take(values, "java", ProcessHandle.current().info().command().orElse("java"));
        String newer = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";
        FaultOptions options = new FaultOptions(
                list(take(values, "parts", "soak,sigterm,kill,slow")), java,
                Path.of(take(values, "project", ProjectFiles.root().toString())),
                Path.of(take(values, "reviews", "../shared/data/imdb/dev.csv.gz")),
                Path.of(take(values, "out", "fault-results")),
                Long.parseLong(take(values, "soak-requests", "200000")),
                Integer.parseInt(take(values, "soak-clients", "8")),
                Integer.parseInt(take(values, "sigterm-runs", "20")),
                Integer.parseInt(take(values, "clients", "64")),
                Integer.parseInt(take(values, "reviews-per-request", "64")),
                Integer.parseInt(take(values, "gateway-clients", "8")),
                Integer.parseInt(take(values, "slow-connections", "300")),
                Integer.parseInt(take(values, "slow-seconds", "20")),
                list(take(values, "slow-java", java + (java.equals(newer) || !Path.of(newer).toFile().canExecute() ? "" : "," + newer))));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet() + "\n" + USAGE);
        }
        return options;
    }

    /** How the service is started, with {@code java} or another JVM. */
    ServiceProcess.Launch launch(String jvm) {
        return new ServiceProcess.Launch(jvm, project);
    }

    ServiceProcess.Launch launch() {
        return launch(java);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String take(Map<String, String> values, String name, String fallback) {
        String value = values.remove(name);
        return value == null ? fallback : value;
    }
}
