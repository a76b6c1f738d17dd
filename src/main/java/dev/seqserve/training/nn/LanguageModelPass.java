package dev.seqserve.training.nn;

import java.util.List;

/**
 * One shard's language-model pretraining step through a {@link SentimentNet}'s embedding and recurrent layers:
 * each forward state predicts the next token, each backward state the previous one (the next in its reversed
 * reading), through one shared {@link SampledSoftmax}.
 */
final class LanguageModelPass {

    final RnnCache rnn = new RnnCache();
    final RnnCache rnnBack = new RnnCache();
    final TokenIndex tokens = new TokenIndex();
    final ShardGrads grads;
    final SampledSoftmax.Buffers head = new SampledSoftmax.Buffers();
    float[] x = new float[0];
    float[] dx = new float[0];
    float[] dxBack = new float[0];
    float[] dh = new float[0];
    /** The predicting states of both directions, forward first [n × H], and their gradients. */
    float[] states = new float[0];
    float[] dStates = new float[0];
    int[] targets = new int[0];
    /** Per prediction, its packed row. */
    int[] sources = new int[0];
    int[] reversedSlots = new int[0];
    double loss;

    LanguageModelPass(List<Param> recurrentParams) {
        this.grads = new ShardGrads(recurrentParams);
    }

    /** Forward, loss and backward of the shard's examples; {@code scale} is 1 / the whole batch's predictions. */
    void run(SentimentNet net, SampledSoftmax softmax, int[][] batchTokens, int[] members, Packing p, float scale) {
        int e = net.embedding.dim;
        int hid = net.rnn.hidden;
        tokens.build(batchTokens, members, p, net.embedding.vocab);
        x = RnnCache.grow(x, tokens.count * e);
        net.embedding.gather(tokens.ids, tokens.count, x);
        net.rnn.forward(p, x, tokens.count, tokens.slots, rnn);
        int directions = net.rnnBack == null ? 1 : 2;
        int n = (p.rows() - p.batch()) * directions;
        states = RnnCache.grow(states, Math.max(1, n) * hid);
        dStates = RnnCache.grow(dStates, Math.max(1, n) * hid);
        targets = grow(targets, n);
        sources = grow(sources, n);
        int forward = collect(p, rnn.h, tokens.slots, hid, 0);
        int all = forward;
        if (net.rnnBack != null) {
            reversedSlots = SentimentPass.reverse(p, tokens.slots, reversedSlots);
            net.rnnBack.forward(p, x, tokens.count, reversedSlots, rnnBack);
            all = collect(p, rnnBack.h, reversedSlots, hid, forward);
        }
        loss = all == 0 ? 0 : softmax.forwardBackward(states, targets, all, scale, dStates, head);

        dx = RnnCache.grow(dx, tokens.count * e);
        backward(net.rnn, p, rnn, hid, 0, forward, dx);
        if (net.rnnBack != null) {
            dxBack = RnnCache.grow(dxBack, tokens.count * e);
            backward(net.rnnBack, p, rnnBack, hid, forward, all - forward, dxBack);
            VectorMath.add(dxBack, 0, dx, 0, tokens.count * e);
        }
    }

    /**
     * Row (t, q) with a next step predicts the token of row (t + 1, q) of the same reading, unless that token is
     * padding or out of vocabulary ({@link #predicted}).
     *
     * @return the number of predictions collected so far, {@code at} included
     */
    private int collect(Packing p, float[] h, int[] slots, int hid, int at) {
        int i = at;
        for (int t = 0; t + 1 < p.steps(); t++) {
            for (int q = 0; q < p.active(t + 1); q++) {
                int target = tokens.ids[slots[p.row(t + 1, q)]];
                if (!predicted(target)) {
                    continue;
                }
                int row = p.row(t, q);
                System.arraycopy(h, row * hid, states, i * hid, hid);
                targets[i] = target;
                sources[i] = row;
                i++;
            }
        }
        return i;
    }

    /** Whether a token is a prediction target: real words only, not padding or the out-of-vocabulary id. */
    static boolean predicted(int id) {
        return id >= 2;
    }

    private void backward(RecurrentLayer layer, Packing p, RnnCache cache, int hid, int from, int count, float[] dInput) {
        dh = RnnCache.growZeroed(dh, p.rows() * hid);
        for (int i = from; i < from + count; i++) {
            System.arraycopy(dStates, i * hid, dh, sources[i] * hid, hid);
        }
        layer.backward(p, cache, dh, dInput, grads);
    }

    private static int[] grow(int[] array, int size) {
        return array.length >= size ? array : new int[Math.max(size, array.length + array.length / 4)];
    }
}
