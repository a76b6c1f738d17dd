package dev.seqserve.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.seqserve.training.onnx.OnnxSignatures;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One session call's inputs, padded to its longest sequence with {@code sequence_lens} set, as the
 * service's runners build them; either token ids or series values.
 *
 * @param ids int64 token ids {@code [n, time]}, or {@code null}
 * @param values float values {@code [n, time, 1]}, or {@code null}
 * @param lengths each sequence's real length
 * @param time the padded length
 * @param explain whether the call asks a sentiment graph for its attributions, as an explained review's does
 */
record PreparedBatch(long[] ids, float[] values, int[] lengths, int time, boolean explain) {

    /** The same call asking for attributions. */
    PreparedBatch explained() {
        return new PreparedBatch(ids, values, lengths, time, true);
    }

    /** Each batch asking for attributions. */
    static List<PreparedBatch> explained(List<PreparedBatch> batches) {
        return batches.stream().map(PreparedBatch::explained).toList();
    }

    int size() {
        return lengths.length;
    }

    long realSteps() {
        long sum = 0;
        for (int length : lengths) {
            sum += length;
        }
        return sum;
    }

    /** Runs the batch, creating and closing its tensors and result as the service does. */
    void run(OrtEnvironment env, OrtSession session, String valuesName, String lengthsName) throws OrtException {
        int n = lengths.length;
        try (OnnxTensor x = ids != null
                        ? OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {n, time})
                        : OnnxTensor.createTensor(env, FloatBuffer.wrap(values), new long[] {n, time, 1});
                OnnxTensor lens = OnnxTensor.createTensor(env, IntBuffer.wrap(lengths), new long[] {n});
                OnnxTensor flag = OnnxTensor.createTensor(env, explain)) {
            // A sentiment graph's explain input says whether to compute attributions, as the service sends it.
            boolean hasFlag = session.getInputNames().contains(OnnxSignatures.EXPLAIN);
            if (explain && !hasFlag) {
                throw new IllegalStateException("the graph has no " + OnnxSignatures.EXPLAIN + " input");
            }
            Map<String, OnnxTensor> inputs = hasFlag
                    ? Map.of(valuesName, x, lengthsName, lens, OnnxSignatures.EXPLAIN, flag) : Map.of(valuesName, x, lengthsName, lens);
            try (OrtSession.Result result = session.run(inputs)) {
                if (result.size() == 0) {
                    throw new IllegalStateException("no output");
                }
            }
        }
    }

    /** Token id sequences in batches of {@code batchSize}: in the given order, or sorted by length first. */
    static List<PreparedBatch> tokens(List<int[]> sequences, int batchSize, boolean sortByLength) {
        List<int[]> order = new ArrayList<>(sequences);
        if (sortByLength) {
            order.sort(Comparator.comparingInt(s -> s.length));
        }
        List<PreparedBatch> batches = new ArrayList<>();
        for (int from = 0; from + batchSize <= order.size(); from += batchSize) {
            List<int[]> chunk = order.subList(from, from + batchSize);
            int time = chunk.stream().mapToInt(s -> Math.max(1, s.length)).max().orElse(1);
            long[] ids = new long[batchSize * time];
            int[] lengths = new int[batchSize];
            for (int i = 0; i < batchSize; i++) {
                int[] row = chunk.get(i);
                for (int t = 0; t < row.length; t++) {
                    ids[i * time + t] = row[t];
                }
                lengths[i] = Math.max(1, row.length);
            }
            batches.add(new PreparedBatch(ids, null, lengths, time, false));
        }
        return batches;
    }

    /** Encoded forecast windows, all of one length, in batches of {@code batchSize}. */
    static List<PreparedBatch> windows(List<float[]> windows, int batchSize) {
        List<PreparedBatch> batches = new ArrayList<>();
        for (int from = 0; from + batchSize <= windows.size(); from += batchSize) {
            int time = windows.get(from).length;
            float[] values = new float[batchSize * time];
            int[] lengths = new int[batchSize];
            for (int i = 0; i < batchSize; i++) {
                System.arraycopy(windows.get(from + i), 0, values, i * time, time);
                lengths[i] = time;
            }
            batches.add(new PreparedBatch(null, values, lengths, time, false));
        }
        return batches;
    }
}
