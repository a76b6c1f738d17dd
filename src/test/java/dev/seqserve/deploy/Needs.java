package dev.seqserve.deploy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * What a deployment test class needs from the machine. Where something is missing the class is
 * skipped with the reason (printed, and in the test report), unless the need's environment variable
 * says it is required (CI sets them), in which case the class fails.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Needs.Condition.class)
@interface Needs {

    What[] value();

    /** A prerequisite, how to tell it is there, and which variable makes it mandatory. */
    enum What {
        JAR("target/seqserve.jar is missing: run `./mvnw package` (`./mvnw verify` runs these tests after it)",
                null, () -> Files.isRegularFile(ServiceProcess.jar())),
        NGINX("nginx is not installed (Debian: apt-get install nginx; .ci/docker-up.sh installs it)",
                "SEQSERVE_REQUIRE_NGINX", () -> NginxGateway.binary().isPresent()),
        DOCKER("Docker is not available (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                + "; .ci/docker-up.sh starts an engine)", "SEQSERVE_REQUIRE_DOCKER",
                () -> DockerClientFactory.instance().isDockerAvailable()),
        MODELS("model-artifacts/ is missing, and the image carries the models: train them first",
                "SEQSERVE_REQUIRE_DOCKER", () -> Files.isDirectory(ProjectFiles.file("model-artifacts")));

        private final String missing;
        private final String requiredBy;
        private final BooleanSupplier present;

        What(String missing, String requiredBy, BooleanSupplier present) {
            this.missing = missing;
            this.requiredBy = requiredBy;
            this.present = present;
        }
    }

    /** Skips or fails a class whose needs are not met. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Needs needs = context.getRequiredTestClass().getAnnotation(Needs.class);
            if (needs == null || context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("checked for the class");
            }
            for (What what : needs.value()) {
                if (what.present.getAsBoolean()) {
                    continue;
                }
                String name = context.getRequiredTestClass().getSimpleName();
                if (what.requiredBy != null && "true".equals(System.getenv(what.requiredBy))) {
                    throw new IllegalStateException(name + ": " + what.missing + ", and " + what.requiredBy
                            + "=true forbids skipping");
                }
                String reason = name + " SKIPPED: " + what.missing;
                System.out.println(reason);
                return ConditionEvaluationResult.disabled(reason);
            }
            return ConditionEvaluationResult.enabled("every need is met");
        }
    }
}
