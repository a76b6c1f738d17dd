package dev.seqserve.training.nn;

import java.util.List;

/** One shard's work and buffers for a {@link ForecastNet} batch: forward, loss and backward of its examples. */
final class ForecastPass {

    final RnnCache[] caches;
    final ShardGrads grads;
    float[] x = new float[0];
    float[] last = new float[0];
    float[] dLast = new float[0];
    float[] mask = new float[0];
    float[] out = new float[0];
    float[] dOut = new float[0];
    float[] gradA = new float[0];
    float[] gradB = new float[0];
    double loss;

    ForecastPass(int layers, List<Param> params) {
        this.caches = new RnnCache[layers];
        for (int l = 0; l < layers; l++) {
            caches[l] = new RnnCache();
        }
        this.grads = new ShardGrads(params);
    }

    void forward(ForecastNet net, float[][][] inputs, int[] members, Packing p, boolean train, long call) {
        ForecastConfig config = net.config();
        int f = config.features();
        int hid = config.hidden();
        int batch = p.batch();
        x = RnnCache.grow(x, p.rows() * f);
        for (int q = 0; q < batch; q++) {
            float[][] series = inputs[members[q]];
            for (int t = 0; t < p.length(q); t++) {
                System.arraycopy(series[t], 0, x, p.row(t, q) * f, f);
            }
        }
        float[] in = x;
        for (int l = 0; l < caches.length; l++) {
            net.layers.get(l).forward(p, in, caches[l]);
            in = caches[l].h;
        }
        last = RnnCache.grow(last, batch * hid);
        mask = RnnCache.grow(mask, batch * hid);
        out = RnnCache.grow(out, batch * config.outputs());
        for (int q = 0; q < batch; q++) {
            System.arraycopy(in, p.lastRow(q) * hid, last, q * hid, hid);
            if (train) {
                Dropout.mask(config.dropout(), config.seed(), call, members[q], mask, q * hid, hid);
                Dropout.apply(last, q * hid, mask, q * hid, hid);
            }
            net.dense.forward(last, q * hid, out, q * config.outputs());
        }
    }

    /** The configured loss's gradient; {@code scale} is 1 / (batch · outputs) of the whole batch. */
    void backward(ForecastNet net, float[][] targets, int[] members, Packing p, float scale) {
        int hid = net.config().hidden();
        int outputs = net.config().outputs();
        int batch = p.batch();
        dOut = RnnCache.grow(dOut, outputs);
        dLast = RnnCache.growZeroed(dLast, batch * hid);
        gradA = RnnCache.growZeroed(gradA, p.rows() * hid);
        gradB = RnnCache.grow(gradB, p.rows() * hid);
        loss = 0;
        ForecastLoss kind = net.config().loss();
        for (int q = 0; q < batch; q++) {
            float[] y = targets[members[q]];
            loss += kind.of(out, q * outputs, y, outputs);
            for (int o = 0; o < outputs; o++) {
                dOut[o] = kind.gradient(out[q * outputs + o] - y[o], scale);
            }
            net.dense.backward(last, q * hid, dOut, 0, dLast, q * hid, grads);
            Dropout.apply(dLast, q * hid, mask, q * hid, hid);
            VectorMath.add(dLast, q * hid, gradA, p.lastRow(q) * hid, hid);
        }
        float[] dh = gradA;
        float[] spare = gradB;
        for (int l = caches.length - 1; l >= 0; l--) {
            float[] dx = l > 0 ? spare : null;
            net.layers.get(l).backward(p, caches[l], dh, dx, grads);
            spare = dh;
            dh = dx;
        }
    }
}
