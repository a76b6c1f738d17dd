/**
 * Dynamic micro-batching: concurrent requests wait briefly in a bounded queue and run together as
 * batches of similar size, with overload and deadline protection. Plain Java, no ONNX Runtime and no
 * Spring, so the serving layer adapts it to a model session and to Micrometer.
 */
package dev.seqserve.serving.model.batch;
