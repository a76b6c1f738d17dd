/**
 * How the service stops: a SIGTERM or SIGINT drains the application (readiness DOWN, the grace period,
 * in-flight and queued requests answered, batch workers stopped, sessions closed) before the JVM runs
 * its shutdown hooks, among them ONNX Runtime's, which releases the native environment.
 */
package dev.seqserve.serving.shutdown;
