package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.artifact.Checksums;
import dev.seqserve.testing.TinyArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each kind of broken new version, placed beside a working one and reloaded over the admin API: the
 * reload answers a version-failed problem naming the file and the reason (and no path), the old
 * version keeps answering, {@code GET /models/{name}} lists the new one as failed, the failure is
 * counted, and readiness stays UP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReloadFailuresTest {

    private static final String SENTIMENT = "sentiment-lstm";
    private static final String FORECAST = "forecast-daily";
    private static final Instant OLD = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    static Path location;

    @TempDir
    static Path fixtures;

    @LocalServerPort
    int port;

    private final OpenApiContract contract = OpenApiContract.get();

    @BeforeAll
    static void placeTheWorkingVersions() throws IOException {
        VersionFolders.place(Files.createDirectories(location.resolve(SENTIMENT)),
                TinyArtifacts.sentiment(fixtures, SENTIMENT, "LSTM"), "1", OLD);
        VersionFolders.place(Files.createDirectories(location.resolve(FORECAST)),
                TinyArtifacts.forecast(fixtures, FORECAST, "GRU", 8, 4), "1", OLD);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("seqserve.models.location", location::toString);
        registry.add("seqserve.sentiment.default-model", () -> SENTIMENT);
        registry.add("seqserve.forecast.default-model", () -> FORECAST);
        registry.add("seqserve.admin.token", () -> FixtureModels.ADMIN_TOKEN);
    }

    /** A way a new version can be broken: the model it breaks, how, and what the problem must say. */
    enum Breakage {
        CHECKSUM_MISMATCH(SENTIMENT, "verify", "model.onnx", "SHA-256 is", folder -> flipLastByte(folder.resolve("model.onnx"))),
        TRUNCATED_MODEL(SENTIMENT, "load", "model.onnx", "ONNX Runtime cannot load it", folder -> {
            truncate(folder.resolve("model.onnx"));
            VersionFolders.editManifest(folder, m -> ((ObjectNode) m.path("onnx"))
                    .put("sha256", Checksums.sha256(folder.resolve("model.onnx"))));
        }),
        MANIFEST_NOT_THE_GRAPH(SENTIMENT, "load", "model.onnx", "but the manifest says [explain, ids, sequence_lens]",
                folder -> VersionFolders.editManifest(folder,
                        m -> ((ObjectNode) m.path("onnx").path("inputs").get(0)).put("name", "ids"))),
        MISSING_VOCABULARY(SENTIMENT, "verify", "vocab.txt", "missing", folder -> delete(folder.resolve("vocab.txt"))),
        WARM_UP_FAILURE(FORECAST, "warm-up", "model.onnx", "warm-up inference failed",
                folder -> VersionFolders.editManifest(folder, m -> ((ObjectNode) m.path("series")).put("maxHorizon", 5)));

        final String model;
        final String stage;
        final String file;
        final String reason;
        final Consumer<Path> damage;

        Breakage(String model, String stage, String file, String reason, Consumer<Path> damage) {
            this.model = model;
            this.stage = stage;
            this.file = file;
            this.reason = reason;
            this.damage = damage;
        }
    }

    @AfterEach
    void removeTheBrokenVersion() {
        for (String model : new String[] {SENTIMENT, FORECAST}) {
            VersionFolders.remove(location.resolve(model).resolve("2"));
            assertThat(reload(model).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Breakage.class)
    void aBrokenNewVersionIsRefusedByNameAndTheOldOneKeepsAnswering(Breakage breakage) {
        double failuresBefore = failures(breakage.model, breakage.stage);
        VersionFolders.place(location.resolve(breakage.model), fixtures.resolve(breakage.model), "2",
                OLD.plusSeconds(3600), breakage.damage);

        HttpResponse<String> reload = reload(breakage.model);

        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(422);
        assertThat(Http.mediaType(reload)).isEqualTo("application/problem+json");
        contract.assertConforms("/admin/models/{name}/reload", "post", 422, Http.mediaType(reload), reload.body());
        JsonNode problem = Http.json(reload);
        assertThat(problem.path("type").asString()).isEqualTo("https://seqserve.dev/problems/version-failed");
        assertThat(problem.path("version").asString()).isEqualTo("2");
        assertThat(problem.path("serving").asString()).isEqualTo("1");
        assertThat(problem.path("stage").asString()).isEqualTo(breakage.stage);
        assertThat(problem.path("file").asString()).isEqualTo(breakage.file);
        assertThat(problem.path("reason").asString()).contains(breakage.reason);
        assertThat(problem.path("detail").asString()).contains(breakage.file, breakage.reason, "Version 1 keeps serving");
        assertThat(reload.body()).doesNotContain(location.toString(), fixtures.toString());

        assertOldVersionAnswers(breakage.model);
        JsonNode listed = Http.json(new Http(port).get("/models/" + breakage.model));
        assertThat(listed.path("version").asString()).isEqualTo("1");
        JsonNode newest = listed.path("versions").get(0);
        assertThat(newest.path("version").asString()).isEqualTo("2");
        assertThat(newest.path("state").asString()).isEqualTo("failed");
        assertThat(newest.path("file").asString()).isEqualTo(breakage.file);
        assertThat(newest.path("reason").asString()).contains(breakage.reason);
        assertThat(listed.path("versions").get(1).path("state").asString()).isEqualTo("serving");
        assertThat(failures(breakage.model, breakage.stage)).isEqualTo(failuresBefore + 1);
        assertThat(new Http(port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void aVersionThatWorksIsServedAfterTheReloadThatRefusedAnother() {
        VersionFolders.place(location.resolve(SENTIMENT), fixtures.resolve(SENTIMENT), "2", OLD.plusSeconds(60),
                folder -> delete(folder.resolve("vocab.txt")));
        assertThat(reload(SENTIMENT).statusCode()).isEqualTo(422);
        VersionFolders.remove(location.resolve(SENTIMENT).resolve("2"));
        VersionFolders.place(location.resolve(SENTIMENT), fixtures.resolve(SENTIMENT), "2", OLD.plusSeconds(60));

        HttpResponse<String> reload = reload(SENTIMENT);

        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(Http.json(reload).path("versions").get(0).path("state").asString()).isEqualTo("serving");
        assertThat(Http.json(new Http(port).postJson("/sentiment", "{\"text\": \"good\"}")).path("model")
                .path("version").asString()).isEqualTo("2");
    }

    private void assertOldVersionAnswers(String model) {
        HttpResponse<String> answer = model.equals(SENTIMENT)
                ? new Http(port).postJson("/sentiment", "{\"text\": \"a good film\", \"model\": \"" + model + "\"}")
                : new Http(port).postJson("/forecast", "{\"series\": [9,10,11,12,11,10,9,8], \"horizon\": 2, \"model\": \""
                        + model + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Http.json(answer).path("model").path("version").asString()).isEqualTo("1");
    }

    private HttpResponse<String> reload(String model) {
        return new Http(port).send(HttpRequest.newBuilder(new Http(port).uri("/admin/models/" + model + "/reload"))
                .header("Authorization", FixtureModels.ADMIN_BEARER).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private double failures(String model, String stage) {
        Matcher m = Pattern.compile("(?m)^seqserve_version_failures_total\\{[^}]*model=\"" + model + "\",stage=\""
                + stage + "\"[^}]*} ([0-9.eE+]+)$").matcher(new Http(port).get("/actuator/prometheus").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void flipLastByte(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] ^= 1;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void truncate(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
