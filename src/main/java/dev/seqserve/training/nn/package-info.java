/**
 * The neural-network maths of training: parameters stored in ONNX's own layouts, LSTM and GRU layers over
 * ragged batches with backpropagation through time, the two composed networks ({@link
 * dev.seqserve.training.nn.SentimentNet}, {@link dev.seqserve.training.nn.ForecastNet}) and the
 * {@link dev.seqserve.training.nn.Adam} optimiser.
 *
 * <p>Plain Java and float32; the inner loops use the incubating Vector API, so every JVM that runs this
 * package needs {@code --add-modules jdk.incubator.vector}. A batch is split into a fixed set of shards that run
 * on worker threads and whose gradients are summed in shard order, so the same seed and data give bit-identical
 * results on the same machine.
 */
package dev.seqserve.training.nn;
