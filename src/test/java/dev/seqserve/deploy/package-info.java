/**
 * Tests of the deployment: the Dockerfile, the Kubernetes manifests and the compose stack as files;
 * the packaged service's graceful shutdown; the nginx gateway in front of two replicas; and the
 * container image under Testcontainers. The {@code *IT} classes run in {@code ./mvnw verify} and say
 * what they need through {@link dev.seqserve.deploy.Needs}.
 */
package dev.seqserve.deploy;
