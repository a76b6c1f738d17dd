package dev.seqserve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The container image, built from the project's Dockerfile and run with host networking (the only
 * networking these machines allow): it starts as a non-root user, becomes healthy, serves both tasks,
 * and on SIGTERM finishes the requests in flight before it exits.
 *
 * <p>Environment: SEQSERVE_BASE_IMAGE names a local JRE base image (CI builds one, see
 * .ci/docker-up.sh; unset, the Dockerfile's public default is used). Without Docker the tests skip,
 * unless SEQSERVE_REQUIRE_DOCKER=true (CI sets it), where they fail instead.
 */
@Needs({Needs.What.DOCKER, Needs.What.JAR, Needs.What.MODELS})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {

    private static final Duration EXIT_SLACK = Duration.ofSeconds(10);

    private static GenericContainer<?> container;
    private static int port;

    @BeforeAll
    static void buildAndStart() {
        Path models = ProjectFiles.file("model-artifacts");

        ImageFromDockerfile image = new ImageFromDockerfile("seqserve-it:" + System.nanoTime(), true)
                .withFileFromPath("Dockerfile", ProjectFiles.file("Dockerfile"))
                .withFileFromPath(".dockerignore", ProjectFiles.file(".dockerignore"))
                .withFileFromPath("target/seqserve.jar", ServiceProcess.jar())
                .withFileFromPath("model-artifacts", models)
                .withFileFromPath("deploy/docker/healthcheck.sh", ProjectFiles.file("deploy/docker/healthcheck.sh"));
        String baseImage = System.getenv("SEQSERVE_BASE_IMAGE");
        if (baseImage != null && !baseImage.isBlank()) {
            image.withBuildArg("BASE_IMAGE", baseImage);
        }

        port = ServiceProcess.freePort();
        container = new GenericContainer<>(image)
                .withNetworkMode("host")
                .withEnv("SERVER_PORT", String.valueOf(port))
                .waitingFor(new ReadinessWaitStrategy(() -> port).withStartupTimeout(ServiceProcess.START_TIMEOUT));
        container.start();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            String image = container.getDockerImageName();
            container.stop();
            try {
                DockerClientFactory.instance().client().removeImageCmd(image).withForce(true).exec();
            } catch (RuntimeException e) {
                System.out.println("could not remove test image " + image + ": " + e.getMessage());
            }
        }
    }

    @Test
    @Order(1)
    void runsAsTheNonRootUserAndReportsHealthyThroughItsHealthCheck() {
        InspectContainerResponse inspect = container.getContainerInfo();
        assertThat(inspect.getConfig().getUser()).isEqualTo(DockerfileTest.imageUid() + ":" + DockerfileTest.imageUid());
        assertThat(inspect.getConfig().getHealthcheck().getTest()).contains("/app/healthcheck.sh");
        assertThat(container.getEnvMap()).containsEntry("SERVER_PORT", String.valueOf(port));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String health = "";
        while (System.nanoTime() < deadline && !"healthy".equals(health)) {
            health = container.getCurrentContainerInfo().getState().getHealth().getStatus();
            ServiceProcess.sleep(500);
        }
        assertThat(health).as("docker health status").isEqualTo("healthy");
        Long size = DockerClientFactory.instance().client()
                .inspectImageCmd(container.getDockerImageName()).exec().getSize();
        System.out.printf("container image %s: %.0f MB%n", container.getDockerImageName(), size / 1e6);
    }

    @Test
    @Order(2)
    void servesSentimentAndForecast() {
        RawHttp.Outcome sentiment = RawHttp.postJson(port, "/sentiment", Requests.sentiment());
        assertThat(sentiment.status()).as("%s", sentiment).isEqualTo(200);
        assertThat(sentiment.body()).containsPattern("\"label\"\\s*:\\s*\"(positive|negative)\"").contains("\"score\"");

        RawHttp.Outcome forecast = RawHttp.postJson(port, "/forecast", Requests.forecast(3));
        assertThat(forecast.status()).as("%s", forecast).isEqualTo(200);
        assertThat(forecast.body()).containsPattern("\"forecast\"\\s*:\\s*\\[[^,\\]]+,[^,\\]]+,[^,\\]]+]");

        assertThat(RawHttp.get(port, "/models").body()).contains("forecast-temperature");
    }

    @Test
    @Order(3)
    void sigtermFinishesInFlightRequestsThenTheContainerExits() throws Exception {
        Duration timeout = SigtermUnderLoad.configuredShutdownTimeout();
        String id = container.getContainerId();
        SigtermUnderLoad.Result result = SigtermUnderLoad.run(port,
                () -> DockerClientFactory.instance().client().killContainerCmd(id).withSignal("SIGTERM").exec(),
                () -> Boolean.TRUE.equals(DockerClientFactory.instance().client()
                        .inspectContainerCmd(id).exec().getState().getRunning()),
                timeout.plus(EXIT_SLACK));

        assertThat(result.exited()).as("container exited within %s", timeout.plus(EXIT_SLACK)).isTrue();
        Long exitCode = DockerClientFactory.instance().client().inspectContainerCmd(id).exec().getState().getExitCodeLong();
        assertThat(exitCode).as("exit code after SIGTERM (143 = 128 + SIGTERM)").isIn(0L, 143L);
        assertThat(result.inFlightAtSignal()).as("requests in flight when SIGTERM arrived").isNotEmpty()
                .allSatisfy(o -> assertThat(o.status()).as("in-flight request %s", o).isEqualTo(200));
        assertThat(result.answeredWithError()).as("answers other than 200").isEmpty();
        assertThat(result.brokenInFlight()).as("requests sent before SIGTERM whose connection broke").isEmpty();
        System.out.printf("container shutdown: %d in flight at SIGTERM, exited after %d ms%n",
                result.inFlightAtSignal().size(), result.exitAfter().toMillis());
    }
}
