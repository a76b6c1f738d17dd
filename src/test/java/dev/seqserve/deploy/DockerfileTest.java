package dev.seqserve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile keeps the promises the deployment relies on, checked without Docker (the image
 * itself is built and run by {@link ContainerImageIT}).
 */
class DockerfileTest {

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    static List<String> instructions() {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(ProjectFiles.file("Dockerfile"))) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                } else {
                    instructions.add(current.append(trimmed).toString().strip());
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return instructions;
    }

    private static List<String> all(String keyword) {
        return instructions().stream().filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                .toList();
    }

    private static String last(String keyword) {
        List<String> found = all(keyword);
        assertThat(found).as("%s instructions", keyword).isNotEmpty();
        return found.get(found.size() - 1);
    }

    /** The numeric uid the image runs as. */
    static int imageUid() {
        String user = last("USER").substring(5).strip();
        Matcher arg = Pattern.compile("ARG APP_UID=(\\d+)").matcher(String.join("\n", instructions()));
        if (user.startsWith("${APP_UID}") && arg.find()) {
            return Integer.parseInt(arg.group(1));
        }
        return Integer.parseInt(user.split(":")[0]);
    }

    @Test
    void baseImageIsABuildArgumentDefaultingToAPublicTemurinJre() {
        assertThat(instructions().get(0)).matches("ARG BASE_IMAGE=eclipse-temurin:\\d+-jre\\S*");
        assertThat(all("FROM")).isNotEmpty().allMatch(from -> from.startsWith("FROM ${BASE_IMAGE}"));
    }

    @Test
    void applicationIsCopiedAsSpringBootLayersWithTheModelsInTheirOwnLayer() {
        assertThat(all("RUN")).anyMatch(run -> run.contains("-Djarmode=tools") && run.contains("extract --layers"));
        List<String> copies = all("COPY");
        List<String> layerOrder = List.of("extracted/dependencies/", "extracted/spring-boot-loader/",
                "extracted/snapshot-dependencies/", "model-artifacts/", "extracted/application/");
        List<Integer> positions = layerOrder.stream()
                .map(layer -> indexOf(copies, layer))
                .toList();
        assertThat(positions).as("COPY order of %s", layerOrder).doesNotContain(-1).isSorted();
        assertThat(copies.get(indexOf(copies, "model-artifacts/")))
                .as("the models are a COPY of their own").doesNotContain("extracted");
        assertThat(last("ENV")).contains("SEQSERVE_MODELS_LOCATION=/app/model-artifacts");
    }

    @Test
    void runsAsANonRootNumericUser() {
        assertThat(imageUid()).isPositive();
    }

    @Test
    void healthCheckAsksReadiness() throws IOException {
        assertThat(last("HEALTHCHECK")).contains("healthcheck.sh");
        assertThat(Files.readString(ProjectFiles.file("deploy/docker/healthcheck.sh")))
                .contains("/actuator/health/readiness");
    }

    @Test
    void entrypointIsExecFormSoTheJvmReceivesSigterm() {
        String entrypoint = last("ENTRYPOINT");
        assertThat(entrypoint).startsWith("ENTRYPOINT [\"java\"")
                .contains("--enable-native-access=ALL-UNNAMED", "jdk.incubator.vector");
        assertThat(last("ENV")).contains("-XX:MaxRAMPercentage=");
    }

    @Test
    void buildContextIsLimitedToTheJarTheModelsAndTheHealthCheck() throws IOException {
        List<String> ignore = Files.readAllLines(ProjectFiles.file(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignore).startsWith("*")
                .contains("!target/seqserve.jar", "!model-artifacts/", "!deploy/docker/healthcheck.sh");
    }

    private static int indexOf(List<String> copies, String source) {
        for (int i = 0; i < copies.size(); i++) {
            if (copies.get(i).contains(source)) {
                return i;
            }
        }
        return -1;
    }
}
