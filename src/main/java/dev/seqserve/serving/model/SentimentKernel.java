package dev.seqserve.serving.model;

import dev.seqserve.artifact.Manifest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sentiment: token id sequences in, the probability of the positive class out. A batch is padded to
 * its longest sequence with {@code sequence_lens} set, so padding never changes a result.
 */
final class SentimentKernel implements TaskKernel<int[], Float> {

    private final int padId;
    private final int oovId;
    private final int maxLength;

    SentimentKernel(Manifest.TextPreprocessing text) {
        this.padId = text.padId();
        this.oovId = text.oovId();
        this.maxLength = text.maxLength();
    }

    @Override
    public String valuesType() {
        return "int64";
    }

    @Override
    public int cost(int[] ids) {
        return ids.length;
    }

    /** Every sequence must hold at least one id ({@code EncodedText.modelIds()} sees to it). */
    @Override
    public List<Float> run(GraphCall call, List<int[]> batch) {
        int n = batch.size();
        int time = 1;
        for (int[] ids : batch) {
            time = Math.max(time, ids.length);
        }
        long[] ids = new long[n * time];
        Arrays.fill(ids, padId);
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            int[] row = batch.get(i);
            for (int t = 0; t < row.length; t++) {
                ids[i * time + t] = row[t];
            }
            lengths[i] = row.length;
        }
        try (var values = call.longs(ids, n, time)) {
            float[] probabilities = call.run(values, lengths, 1);
            List<Float> result = new ArrayList<>(n);
            for (float p : probabilities) {
                result.add(p);
            }
            return result;
        }
    }

    @Override
    public List<List<int[]>> warmUpBatches() {
        int[] full = new int[maxLength];
        Arrays.fill(full, oovId);
        return List.of(List.of(full), List.of(new int[] {oovId}, new int[] {padId}));
    }
}
