/**
 * What every endpoint shares: the one RFC 9457 problem handler with a stable {@code type} per kind of
 * error, the request size limit, the Bean Validation constraints whose limits come from configuration,
 * and the OpenAPI contract served at {@code /openapi.yaml}.
 */
package dev.seqserve.serving.web;
