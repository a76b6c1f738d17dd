/**
 * The Open Inference Protocol (KServe "V2") over REST: server and model metadata, health, and
 * {@code POST /v2/models/{name}[/versions/{version}]/infer} for every loaded model. A protocol layer
 * only: each task's tensors become the task endpoints' own requests, checked by the same rules and
 * answered by the same services, registry, queues and metrics (tag {@code protocol=v2}); errors under
 * {@code /v2} are the protocol's {@code {"error": "..."}} body, which {@code serving.web} writes.
 */
package dev.seqserve.serving.v2;
