package dev.seqserve.serving.model.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deterministic stand-in for a recurrent model: pads every sequence of a batch to the longest with
 * a poisonous value, then runs a small recurrence over each row's real length only, the way
 * {@code sequence_lens} makes ONNX Runtime ignore padding.
 */
final class PaddedRecurrence {

    static final float PADDING = 1.0e6f;

    /** One input: an identifier and its values. */
    record Sequence(int id, float[] values) {
        int length() {
            return values.length;
        }
    }

    /** One output: the identifier it was computed for and the final state. */
    record Output(int id, double state) { }

    private PaddedRecurrence() {
    }

    static Sequence sequence(int id, int length, java.util.Random random) {
        float[] values = new float[length];
        for (int t = 0; t < length; t++) {
            values[t] = (float) random.nextGaussian();
        }
        return new Sequence(id, values);
    }

    static List<Output> run(List<Sequence> batch) {
        int longest = batch.stream().mapToInt(Sequence::length).max().orElse(0);
        List<Output> outputs = new ArrayList<>(batch.size());
        for (Sequence sequence : batch) {
            float[] padded = Arrays.copyOf(sequence.values(), longest);
            Arrays.fill(padded, sequence.length(), longest, PADDING);
            outputs.add(new Output(sequence.id(), recur(padded, sequence.length())));
        }
        return outputs;
    }

    private static double recur(float[] padded, int length) {
        double h = 0;
        double sum = 0;
        for (int t = 0; t < length; t++) {
            h = Math.tanh(0.7 * h + padded[t]);
            sum += h;
        }
        return h + sum / length;
    }
}
