package dev.seqserve.bench;

/**
 * One raw ONNX Runtime configuration's result.
 *
 * @param model the model's name
 * @param mode {@code batch-1}, {@code length-sorted} or {@code arrival-order}
 * @param batchSize inputs per session call
 * @param callers threads calling the session at once
 * @param items inputs scored while measuring
 * @param itemsPerSecond inputs scored per second
 * @param perCall latency of one session call (tensor creation included)
 * @param paddingWaste the share of the steps run that were padding
 * @param round {@code before} or {@code after} the HTTP parts: the raw runs are measured on both sides
 *     of them, so a machine whose speed drifts during the run does not favour either side
 */
record RawResult(String model, String mode, int batchSize, int callers, long items, double itemsPerSecond,
        LatencyStats perCall, double paddingWaste, String round) {

    static final String BEFORE = "before";
    static final String AFTER = "after";

    RawResult inRound(String value) {
        return new RawResult(model, mode, batchSize, callers, items, itemsPerSecond, perCall, paddingWaste, value);
    }
}
