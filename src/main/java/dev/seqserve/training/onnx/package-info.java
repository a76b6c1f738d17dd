/**
 * Exports trained recurrent models as standard ONNX (opset 17, ONNX's own {@code LSTM} and {@code GRU}
 * operators, explicit {@code sequence_lens}, a dynamic batch dimension, provenance in the metadata).
 * The exporter reads neutral, array-based records in ONNX's weight layouts; only {@link
 * dev.seqserve.training.onnx.NetExports} knows the trainer's networks. Plain Java, no Spring.
 */
package dev.seqserve.training.onnx;
