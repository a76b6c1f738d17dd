# seqserve container image.
#
# Build after `./mvnw package` (the image takes the built jar, it does not run Maven):
#   docker build -t seqserve .
# Without access to a registry, pass a local JRE image (see .ci/docker-up.sh for how CI makes one):
#   docker build --build-arg BASE_IMAGE=seqserve/jre-base:17 -t seqserve .
# Run:
#   docker run --rm -p 8080:8080 seqserve
# Serve other models by mounting a folder over the built-in ones:
#   docker run --rm -p 8080:8080 -v "$PWD/my-models:/app/model-artifacts:ro" seqserve
#
# Works with the classic builder and with BuildKit (no BuildKit-only syntax).

# Any image with a Java 17+ runtime, bash and useradd/groupadd (Debian or Ubuntu based).
ARG BASE_IMAGE=eclipse-temurin:17-jre

# ---- Stage 1: split the Spring Boot jar into layers that change at different rates.
FROM ${BASE_IMAGE} AS layers
WORKDIR /build
COPY target/seqserve.jar seqserve.jar
RUN java -Djarmode=tools -jar seqserve.jar extract --layers --launcher --destination extracted

# ---- Stage 2: the runtime image.
FROM ${BASE_IMAGE}

# A fixed numeric uid/gid, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
ARG APP_UID=10001
RUN groupadd --system --gid "${APP_UID}" seqserve \
 && useradd --system --uid "${APP_UID}" --gid seqserve --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin seqserve

WORKDIR /app

# Least to most often changed: libraries, the Boot loader, snapshot libraries, models, our classes.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
# The models are their own layer; mount a volume on /app/model-artifacts to serve others.
COPY model-artifacts/ /app/model-artifacts/
COPY --from=layers /build/extracted/application/ ./
COPY deploy/docker/healthcheck.sh /app/healthcheck.sh

# SERVER_PORT and SEQSERVE_MODELS_LOCATION are read by Spring Boot's relaxed binding.
# JDK_JAVA_OPTIONS is read by the java launcher itself: replace it to tune the JVM without
# rebuilding (for example -XX:MaxRAMPercentage=60). The percentages follow the container's
# memory limit, not the host's; the JVM also sizes its thread pools from the CPU limit.
ENV SERVER_PORT=8080 \
    SEQSERVE_MODELS_LOCATION=/app/model-artifacts \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError"

# The JVM writes ONNX Runtime's native library to java.io.tmpdir (/tmp) at start-up: keep /tmp
# writable (an emptyDir when the root filesystem is read-only).
USER ${APP_UID}:${APP_UID}
EXPOSE 8080

# Healthy once readiness is UP (models loaded and warmed); unhealthy again when shutdown begins.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD ["bash", "/app/healthcheck.sh"]

# Exec form: java is PID 1 and receives SIGTERM itself, so Spring Boot's graceful shutdown runs
# (readiness goes down, in-flight requests finish, then the process exits). Give `docker stop`
# more time than spring.lifecycle.timeout-per-shutdown-phase, e.g. `docker stop -t 40`.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", \
            "org.springframework.boot.loader.launch.JarLauncher"]
