package dev.seqserve.serving.model;

import dev.seqserve.artifact.Manifest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sentiment: token id sequences in, the probability of the positive class out, and for explained reviews each
 * token's contribution. The plain reviews of a batch run together, padded to the longest with {@code sequence_lens}
 * set, so padding never changes a result. Each explained review runs on its own, asking the graph for its
 * attributions: its weights then never depend on what it was queued with, and repeat exactly.
 */
final class SentimentKernel implements TaskKernel<TokenIds, TokenScore> {

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
    public int cost(TokenIds input) {
        return input.ids().length;
    }

    /** Every sequence must hold at least one id ({@code EncodedText.modelIds()} sees to it). */
    @Override
    public List<TokenScore> run(GraphCall call, List<TokenIds> batch) {
        TokenScore[] scores = new TokenScore[batch.size()];
        List<int[]> plain = new ArrayList<>(batch.size());
        int[] plainAt = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            TokenIds input = batch.get(i);
            if (input.explain()) {
                scores[i] = explained(call, input.ids());
            } else {
                plainAt[plain.size()] = i;
                plain.add(input.ids());
            }
        }
        if (!plain.isEmpty()) {
            int time = 1;
            for (int[] ids : plain) {
                time = Math.max(time, ids.length);
            }
            int[] lengths = new int[plain.size()];
            try (var values = call.longs(padded(plain, time, lengths), plain.size(), time)) {
                float[] probabilities = call.run(values, lengths, 1);
                for (int j = 0; j < probabilities.length; j++) {
                    scores[plainAt[j]] = new TokenScore(probabilities[j], null);
                }
            }
        }
        return Arrays.asList(scores);
    }

    private TokenScore explained(GraphCall call, int[] ids) {
        int[] lengths = new int[1];
        try (var values = call.longs(padded(List.of(ids), ids.length, lengths), 1, ids.length)) {
            GraphCall.Ran ran = call.runExplained(values, lengths, ids.length);
            return new TokenScore(ran.output()[0], ran.attributions());
        }
    }

    /** The rows padded to {@code time}, row after row; fills in each row's length. */
    private long[] padded(List<int[]> rows, int time, int[] lengths) {
        long[] ids = new long[rows.size() * time];
        Arrays.fill(ids, padId);
        for (int i = 0; i < rows.size(); i++) {
            int[] row = rows.get(i);
            for (int t = 0; t < row.length; t++) {
                ids[i * time + t] = row[t];
            }
            lengths[i] = row.length;
        }
        return ids;
    }

    @Override
    public List<List<TokenIds>> warmUpBatches() {
        int[] full = new int[maxLength];
        Arrays.fill(full, oovId);
        return List.of(List.of(TokenIds.plain(full)), List.of(TokenIds.plain(new int[] {oovId}), TokenIds.plain(new int[] {padId})));
    }
}
