package dev.seqserve.training.nn;

import java.util.List;

/**
 * One shard's work and buffers for a {@link SentimentNet} batch: forward, loss and backward of its examples.
 * A bidirectional network runs its second layer on the same packing with every example's rows reversed, so
 * both directions share the distinct-token embedding rows and their gradient.
 */
final class SentimentPass {

    final RnnCache rnn = new RnnCache();
    final RnnCache rnnBack = new RnnCache();
    final TokenIndex tokens = new TokenIndex();
    final ShardGrads grads;
    float[] x = new float[0];
    float[] dx = new float[0];
    /** The adversarial step's inputs, and the clean step's input gradient kept beside it. */
    float[] perturbed = new float[0];
    float[] cleanDx = new float[0];
    float[] dxBack = new float[0];
    float[] dh = new float[0];
    float[] pooled = new float[0];
    float[] dPooled = new float[0];
    /** One direction's [mean ‖ max] per example [batch × 2H], and its gradient. */
    float[] directionPooled = new float[0];
    float[] directionGrad = new float[0];
    float[] mask = new float[0];
    float[] logits = new float[0];
    int[] argmax = new int[0];
    int[] argmaxBack = new int[0];
    /** Per packed row, the distinct-token slot of the row that mirrors it in its example. */
    int[] reversedSlots = new int[0];
    double loss;

    SentimentPass(List<Param> denseParams) {
        this.grads = new ShardGrads(denseParams);
    }

    void forward(SentimentNet net, int[][] batchTokens, int[] members, Packing p, boolean train, long call) {
        int e = net.embedding.dim;
        tokens.build(batchTokens, members, p, net.embedding.vocab);
        x = RnnCache.grow(x, tokens.count * e);
        net.embedding.gather(tokens.ids, tokens.count, x);
        forwardFrom(net, x, members, p, train, call);
    }

    /**
     * The adversarial half of a training step (Miyato et al. 2017), after {@link #forward} and {@link #backward}:
     * moves the distinct-token inputs by {@code epsilon} of their norm along the gradient of the loss, runs
     * forward and backward again from there with the same dropout masks, and adds that loss's gradients to the
     * clean ones (the embedding's through {@link #dx}). {@link #loss} stays the clean loss.
     */
    void adversarial(SentimentNet net, float[] labels, int[] members, Packing p, float scale, long call, float epsilon) {
        int n = tokens.count * net.embedding.dim;
        double gradNorm = Math.sqrt(VectorMath.dot(dx, 0, dx, 0, n));
        if (!(gradNorm > 0)) {
            return;
        }
        double inputNorm = Math.sqrt(VectorMath.dot(x, 0, x, 0, n));
        float step = (float) (epsilon * inputNorm / gradNorm);
        perturbed = RnnCache.grow(perturbed, n);
        System.arraycopy(x, 0, perturbed, 0, n);
        VectorMath.axpy(step, dx, 0, perturbed, 0, n);
        cleanDx = RnnCache.grow(cleanDx, n);
        System.arraycopy(dx, 0, cleanDx, 0, n);
        double cleanLoss = loss;
        forwardFrom(net, perturbed, members, p, true, call);
        backward(net, labels, members, p, scale);
        VectorMath.add(cleanDx, 0, dx, 0, n);
        loss = cleanLoss;
    }

    private void forwardFrom(SentimentNet net, float[] x, int[] members, Packing p, boolean train, long call) {
        int hid = net.rnn.hidden;
        int batch = p.batch();
        int width = net.config().pooledWidth();
        net.rnn.forward(p, x, tokens.count, tokens.slots, rnn);
        pooled = RnnCache.grow(pooled, batch * width);
        mask = RnnCache.grow(mask, batch * width);
        logits = RnnCache.grow(logits, batch);
        argmax = grow(argmax, batch * hid);
        directionPooled = RnnCache.grow(directionPooled, batch * 2 * hid);
        Pooling.forward(p, rnn.h, hid, directionPooled, argmax);
        place(directionPooled, batch, 2 * hid, pooled, width, 0);
        if (net.rnnBack != null) {
            reversedSlots = reverse(p, tokens.slots, reversedSlots);
            net.rnnBack.forward(p, x, tokens.count, reversedSlots, rnnBack);
            argmaxBack = grow(argmaxBack, batch * hid);
            Pooling.forward(p, rnnBack.h, hid, directionPooled, argmaxBack);
            place(directionPooled, batch, 2 * hid, pooled, width, 2 * hid);
        }
        SentimentConfig config = net.config();
        for (int q = 0; q < batch; q++) {
            if (train) {
                Dropout.mask(config.dropout(), config.seed(), call, members[q], mask, q * width, width);
                Dropout.apply(pooled, q * width, mask, q * width, width);
            }
            net.dense.forward(pooled, q * width, logits, q);
        }
    }

    /** Mean-BCE gradient with the whole batch's size in {@code scale}; leaves dx per distinct token for the scatter. */
    void backward(SentimentNet net, float[] labels, int[] members, Packing p, float scale) {
        int hid = net.rnn.hidden;
        int batch = p.batch();
        int width = net.config().pooledWidth();
        dPooled = RnnCache.growZeroed(dPooled, batch * width);
        dx = RnnCache.grow(dx, tokens.count * net.embedding.dim);
        float[] dz = new float[1];
        loss = 0;
        for (int q = 0; q < batch; q++) {
            float y = labels[members[q]];
            loss += Losses.bceWithLogits(logits[q], y);
            dz[0] = Losses.bceGradient(logits[q], y) * scale;
            net.dense.backward(pooled, q * width, dz, 0, dPooled, q * width, grads);
            Dropout.apply(dPooled, q * width, mask, q * width, width);
        }
        directionGrad = RnnCache.grow(directionGrad, batch * 2 * hid);
        take(dPooled, batch, width, 0, directionGrad, 2 * hid);
        dh = RnnCache.growZeroed(dh, p.rows() * hid);
        Pooling.backward(p, hid, directionGrad, argmax, dh);
        net.rnn.backward(p, rnn, dh, dx, grads);
        if (net.rnnBack != null) {
            take(dPooled, batch, width, 2 * hid, directionGrad, 2 * hid);
            dh = RnnCache.growZeroed(dh, p.rows() * hid);
            Pooling.backward(p, hid, directionGrad, argmaxBack, dh);
            dxBack = RnnCache.grow(dxBack, tokens.count * net.embedding.dim);
            net.rnnBack.backward(p, rnnBack, dh, dxBack, grads);
            VectorMath.add(dxBack, 0, dx, 0, tokens.count * net.embedding.dim);
        }
    }

    /**
     * The slots of the reversed reading: its row (t, q) reads the token of row (length(q) − 1 − t, q).
     *
     * @param out reused when large enough
     */
    static int[] reverse(Packing p, int[] slots, int[] out) {
        int[] reversed = grow(out, p.rows());
        for (int q = 0; q < p.batch(); q++) {
            int last = p.length(q) - 1;
            for (int t = 0; t <= last; t++) {
                reversed[p.row(t, q)] = slots[p.row(last - t, q)];
            }
        }
        return reversed;
    }

    /** Copies each example's {@code part} values into its row of {@code out} (stride {@code width}) at {@code at}. */
    private static void place(float[] from, int batch, int part, float[] out, int width, int at) {
        for (int q = 0; q < batch; q++) {
            System.arraycopy(from, q * part, out, q * width + at, part);
        }
    }

    /** The inverse of {@link #place}: each example's {@code part} values from {@code at} of its row. */
    private static void take(float[] from, int batch, int width, int at, float[] out, int part) {
        for (int q = 0; q < batch; q++) {
            System.arraycopy(from, q * width + at, out, q * part, part);
        }
    }

    private static int[] grow(int[] array, int size) {
        return array.length >= size ? array : new int[Math.max(size, array.length + array.length / 4)];
    }
}
