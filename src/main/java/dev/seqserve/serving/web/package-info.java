/**
 * What every endpoint shares: the one RFC 9457 problem handler with a stable {@code type} per kind of
 * error (and, under {@code /v2}, the Open Inference Protocol's
 * {@code {"error": ...}} body in its place), the request size limit, the checks of request records built
 * in code, the Bean Validation constraints whose limits come from configuration,
 * and the OpenAPI contract served at {@code /openapi.yaml}.
 */
package dev.seqserve.serving.web;
