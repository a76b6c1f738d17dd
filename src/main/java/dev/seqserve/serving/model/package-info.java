/**
 * The models being served: the registry that loads and verifies every artifact folder at start-up,
 * one ONNX Runtime session per model behind a micro-batching queue, warm-up, readiness, info, metrics
 * and {@code GET /models}.
 */
package dev.seqserve.serving.model;
