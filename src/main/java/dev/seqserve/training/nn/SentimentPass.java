package dev.seqserve.training.nn;

import java.util.List;

/** One shard's work and buffers for a {@link SentimentNet} batch: forward, loss and backward of its examples. */
final class SentimentPass {

    final RnnCache rnn = new RnnCache();
    final TokenIndex tokens = new TokenIndex();
    final ShardGrads grads;
    float[] x = new float[0];
    float[] dx = new float[0];
    float[] dh = new float[0];
    float[] pooled = new float[0];
    float[] dPooled = new float[0];
    float[] mask = new float[0];
    float[] logits = new float[0];
    int[] argmax = new int[0];
    double loss;

    SentimentPass(List<Param> denseParams) {
        this.grads = new ShardGrads(denseParams);
    }

    void forward(SentimentNet net, int[][] batchTokens, int[] members, Packing p, boolean train, long call) {
        int e = net.embedding.dim;
        int hid = net.rnn.hidden;
        int batch = p.batch();
        tokens.build(batchTokens, members, p, net.embedding.vocab);
        x = RnnCache.grow(x, tokens.count * e);
        net.embedding.gather(tokens.ids, tokens.count, x);
        net.rnn.forward(p, x, tokens.count, tokens.slots, rnn);
        pooled = RnnCache.grow(pooled, batch * 2 * hid);
        mask = RnnCache.grow(mask, batch * 2 * hid);
        logits = RnnCache.grow(logits, batch);
        if (argmax.length < batch * hid) {
            argmax = new int[batch * hid];
        }
        Pooling.forward(p, rnn.h, hid, pooled, argmax);
        SentimentConfig config = net.config();
        for (int q = 0; q < batch; q++) {
            if (train) {
                Dropout.mask(config.dropout(), config.seed(), call, members[q], mask, q * 2 * hid, 2 * hid);
                Dropout.apply(pooled, q * 2 * hid, mask, q * 2 * hid, 2 * hid);
            }
            net.dense.forward(pooled, q * 2 * hid, logits, q);
        }
    }

    /** Mean-BCE gradient with the whole batch's size in {@code scale}; leaves dx per distinct token for the scatter. */
    void backward(SentimentNet net, float[] labels, int[] members, Packing p, float scale) {
        int hid = net.rnn.hidden;
        int batch = p.batch();
        dPooled = RnnCache.growZeroed(dPooled, batch * 2 * hid);
        dh = RnnCache.growZeroed(dh, p.rows() * hid);
        dx = RnnCache.grow(dx, tokens.count * net.embedding.dim);
        float[] dz = new float[1];
        loss = 0;
        for (int q = 0; q < batch; q++) {
            float y = labels[members[q]];
            loss += Losses.bceWithLogits(logits[q], y);
            dz[0] = Losses.bceGradient(logits[q], y) * scale;
            net.dense.backward(pooled, q * 2 * hid, dz, 0, dPooled, q * 2 * hid, grads);
            Dropout.apply(dPooled, q * 2 * hid, mask, q * 2 * hid, 2 * hid);
        }
        Pooling.backward(p, hid, dPooled, argmax, dh);
        net.rnn.backward(p, rnn, dh, dx, grads);
    }
}
