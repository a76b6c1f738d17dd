package dev.seqserve.training.nn;

/** Runs a {@link RecurrentLayer} the way ONNX Runtime is called: padded [batch][T][I] input plus lengths. */
final class PaddedRnn {

    /** Y [batch][T][H] (zero past each length), Y_h [batch][H], and the shard data for a backward pass. */
    record Output(float[][][] y, float[][] last, ShardPlan plan, RnnCache[] caches, float[][] packedInputs) {
    }

    private PaddedRnn() {
    }

    static Output forward(RecurrentLayer layer, float[][][] x, int[] lengths, int shards) {
        layer.prepare();
        ShardPlan plan = ShardPlan.of(lengths, shards);
        int steps = x[0].length;
        float[][][] y = new float[x.length][steps][layer.hidden];
        float[][] last = new float[x.length][layer.hidden];
        RnnCache[] caches = new RnnCache[plan.shards()];
        float[][] packed = new float[plan.shards()][];
        for (int s = 0; s < plan.shards(); s++) {
            Packing p = plan.packings[s];
            int[] members = plan.members[s];
            packed[s] = new float[p.rows() * layer.input];
            for (int q = 0; q < members.length; q++) {
                for (int t = 0; t < p.length(q); t++) {
                    System.arraycopy(x[members[q]][t], 0, packed[s], p.row(t, q) * layer.input, layer.input);
                }
            }
            caches[s] = new RnnCache();
            layer.forward(p, packed[s], caches[s]);
            for (int q = 0; q < members.length; q++) {
                for (int t = 0; t < p.length(q); t++) {
                    System.arraycopy(caches[s].h, p.row(t, q) * layer.hidden, y[members[q]][t], 0, layer.hidden);
                }
                System.arraycopy(caches[s].h, p.lastRow(q) * layer.hidden, last[members[q]], 0, layer.hidden);
            }
        }
        return new Output(y, last, plan, caches, packed);
    }
}
