/**
 * The models being served: the registry of models by name, each with its versions on disk (one
 * artifact, or a sub-folder per version) and the one version serving it; a served version is one
 * verified artifact with its own ONNX Runtime session behind a micro-batching queue and a task
 * strategy (sentiment or forecast). Reload, pin and folder polling switch versions while requests
 * go on; warm-up, readiness, info, metrics by version, {@code GET /models} and the admin API.
 */
package dev.seqserve.serving.model;
