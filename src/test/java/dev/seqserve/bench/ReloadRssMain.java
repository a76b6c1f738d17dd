package dev.seqserve.bench;

import dev.seqserve.serving.VersionFolders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures the service's resident memory across reload cycles of a real model, as issue 12 asks
 * (measured, not asserted): starts the packaged jar on a copy of one model of {@code model-artifacts/}
 * laid out as a version folder, then places a new copy of it as the next version, reloads through the
 * admin API and removes the version before, {@code --cycles} times, sampling the process's
 * {@code VmRSS} from {@code /proc}. Writes {@code <out>/reload-rss.md}.
 *
 * <pre>./mvnw -q -DskipTests package exec:exec@reload-rss -Dbench.args="--cycles=200"</pre>
 */
public final class ReloadRssMain {

    private static final String COMMAND = "./mvnw -q -DskipTests package exec:exec@reload-rss";

    private ReloadRssMain() {
    }

    public static void main(String[] args) throws Exception {
        String model = "sentiment-lstm";
        int cycles = 200;
        Path models = Path.of("model-artifacts");
        Path jar = Path.of("target/seqserve.jar");
        Path out = Path.of("bench-results");
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--model=")) {
                model = value;
            } else if (arg.startsWith("--cycles=")) {
                cycles = Integer.parseInt(value);
            } else if (arg.startsWith("--models=")) {
                models = Path.of(value);
            } else if (arg.startsWith("--jar=")) {
                jar = Path.of(value);
            } else if (arg.startsWith("--out=")) {
                out = Path.of(value);
            } else {
                throw new IllegalArgumentException("options: --model=sentiment-lstm --cycles=200 --models=model-artifacts"
                        + " --jar=target/seqserve.jar --out=bench-results; not " + arg);
            }
        }
        Path location = Files.createTempDirectory("seqserve-reload-rss");
        Path modelFolder = Files.createDirectories(location.resolve(model));
        Path artifact = models.resolve(model);
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        VersionFolders.place(modelFolder, artifact, "v0", created);
        String token = UUID.randomUUID().toString();
        List<String[]> samples = new ArrayList<>();
        try (BenchService service = BenchService.start(jar, location, out.resolve("reload-rss-service.log"),
                List.of("--seqserve.admin.token=" + token, "--seqserve.sentiment.default-model=" + model))) {
            HttpClient client = HttpClient.newHttpClient();
            requests(client, service.base(), 200);
            samples.add(sample("after start-up and 200 requests", service));
            long start = System.nanoTime();
            for (int cycle = 1; cycle <= cycles; cycle++) {
                VersionFolders.place(modelFolder, artifact, "v" + cycle, created.plusSeconds(cycle));
                HttpResponse<String> reload = client.send(HttpRequest.newBuilder(service.base().resolve(
                        "/admin/models/" + model + "/reload")).header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (reload.statusCode() != 200 || !reload.body().contains("\"version\":\"v" + cycle + "\"")) {
                    throw new IllegalStateException("reload " + cycle + " answered " + reload.statusCode() + ": " + reload.body());
                }
                VersionFolders.remove(modelFolder.resolve("v" + (cycle - 1)));
                requests(client, service.base(), 20);
                if (cycle % 50 == 0 || cycle == cycles) {
                    samples.add(sample("after " + cycle + " reloads", service));
                    System.out.println(samples.get(samples.size() - 1)[0] + ": " + samples.get(samples.size() - 1)[1]);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(5_000);
            samples.add(sample("5 s later", service));
            write(out, model, cycles, seconds, samples);
        } finally {
            dev.seqserve.serving.FixtureModels.delete(location);
        }
    }

    private static void requests(HttpClient client, URI base, int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/sentiment"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"A wonderful, moving film number " + i + ".\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/sentiment answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    private static String[] sample(String when, BenchService service) throws IOException {
        long kib = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return new String[] {when, String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0)};
    }

    private static void write(Path out, String model, int cycles, double seconds, List<String[]> samples) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Made by `").append(COMMAND).append("` on ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append(" (").append(Runtime.version()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores): ").append(cycles).append(" reloads of `").append(model).append("` in ")
                .append(String.format(Locale.ROOT, "%.1f", seconds)).append(" s, 20 requests after each.\n\n")
                .append("| when | RSS of the service |\n| --- | ---: |\n");
        for (String[] sample : samples) {
            md.append("| ").append(sample[0]).append(" | ").append(sample[1]).append(" |\n");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("reload-rss.md"), md);
        System.out.print(md);
    }
}
