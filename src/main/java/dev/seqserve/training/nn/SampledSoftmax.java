package dev.seqserve.training.nn;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A language model's output layer over a large vocabulary, trained by sampled softmax (Jean et al. 2015): each
 * batch draws {@code K} noise words from the unigram distribution raised to 3/4, shared by every position, and
 * each position's softmax runs over its true next word and those {@code K}, with every logit corrected by
 * {@code −log(K·q(w))} so the loss estimates the full softmax's. A noise word equal to the target is masked.
 *
 * <p>Parameters: {@code lm.W} [V × H] and {@code lm.b} [V × 1], both row-sparse. They exist for pretraining only
 * and are never exported.
 */
public final class SampledSoftmax {

    private static final int FIRST_WORD = 2;

    final Param w;
    final Param b;
    final int hidden;
    private final int samples;
    private final double[] cumulative;
    private final float[] logExpected;
    /** The batch's noise words and their rows of W, gathered and transposed [H × K]. */
    int[] noise = new int[0];
    float[] noiseRows = new float[0];
    float[] noiseRowsT = new float[0];

    /**
     * @param counts occurrences of each id in the corpus; ids 0 and 1 are never drawn
     * @param samples K, noise words per batch
     */
    public SampledSoftmax(long[] counts, int hidden, int samples, SplittableRandom random) {
        int vocab = counts.length;
        this.hidden = hidden;
        this.samples = samples;
        this.w = new Param("lm.W", true, vocab, hidden);
        this.b = new Param("lm.b", true, vocab, 1);
        Init.uniform(w.value(), 0, w.size(), 0.05, random);
        double norm = 0;
        for (int id = FIRST_WORD; id < vocab; id++) {
            norm += Math.pow(counts[id], 0.75);
        }
        if (!(norm > 0)) {
            throw new IllegalArgumentException("the corpus has no in-vocabulary words");
        }
        this.cumulative = new double[vocab];
        this.logExpected = new float[vocab];
        double sum = 0;
        for (int id = 0; id < vocab; id++) {
            double q = id < FIRST_WORD ? 0 : Math.pow(counts[id], 0.75) / norm;
            sum += q;
            cumulative[id] = sum;
            logExpected[id] = (float) Math.log(Math.max(samples * q, 1e-12));
        }
    }

    /** The layer's parameters. */
    public List<Param> params() {
        return List.of(w, b);
    }

    /** Draws the batch's noise words; call once per batch, before any shard runs. */
    void drawNoise(SplittableRandom random) {
        if (noise.length != samples) {
            noise = new int[samples];
            noiseRows = new float[samples * hidden];
            noiseRowsT = new float[samples * hidden];
        }
        double total = cumulative[cumulative.length - 1];
        for (int k = 0; k < samples; k++) {
            int id = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            noise[k] = Math.max(FIRST_WORD, id < 0 ? -id - 1 : id);
            System.arraycopy(w.value(), noise[k] * hidden, noiseRows, k * hidden, hidden);
        }
        VectorMath.transpose(noiseRows, samples, hidden, noiseRowsT);
    }

    /**
     * Loss and gradients of {@code n} positions: {@code h} [n × H] predicts {@code targets[0..n)}. Writes
     * {@code dh} [n × H] (scaled by {@code scale}) and the shard's parameter gradients into {@code buffers};
     * {@code h} and {@code targets} must stay unchanged until {@link #drain}.
     *
     * @return the summed (unscaled) negative log-likelihood
     */
    double forwardBackward(float[] h, int[] targets, int n, float scale, float[] dh, Buffers buffers) {
        int k1 = samples + 1;
        buffers.grow(n, samples, hidden);
        float[] z = buffers.logits;
        Arrays.fill(z, 0, n * samples, 0f);
        Gemm.multiply(h, 0, hidden, noiseRowsT, 0, samples, z, 0, samples, n, samples, hidden);
        float[] wv = w.value();
        float[] bv = b.value();
        double loss = 0;
        float[] row = new float[k1];
        for (int r = 0; r < n; r++) {
            int target = targets[r];
            row[0] = VectorMath.dot(h, r * hidden, wv, target * hidden, hidden) + bv[target] - logExpected[target];
            float max = row[0];
            for (int k = 0; k < samples; k++) {
                int id = noise[k];
                row[k + 1] = id == target ? Float.NEGATIVE_INFINITY : z[r * samples + k] + bv[id] - logExpected[id];
                max = Math.max(max, row[k + 1]);
            }
            double sum = 0;
            for (int j = 0; j < k1; j++) {
                sum += Math.exp(row[j] - max);
            }
            loss += Math.log(sum) + max - row[0];
            for (int j = 0; j < k1; j++) {
                float p = (float) (Math.exp(row[j] - max) / sum);
                float d = (p - (j == 0 ? 1f : 0f)) * scale;
                if (j == 0) {
                    buffers.targetGrad[r] = d;
                } else {
                    z[r * samples + j - 1] = d;
                }
            }
        }
        // dh = dZ·W_noise + dz_target·W[target]; dW_noise += dZᵀ·h.
        Arrays.fill(dh, 0, n * hidden, 0f);
        Gemm.multiply(z, 0, samples, noiseRows, 0, hidden, dh, 0, hidden, n, hidden, samples);
        for (int r = 0; r < n; r++) {
            VectorMath.axpy(buffers.targetGrad[r], wv, targets[r] * hidden, dh, r * hidden, hidden);
        }
        Gemm.multiplyTransA(z, 0, samples, h, 0, hidden, buffers.noiseGrad, 0, hidden, samples, hidden, n);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < samples; k++) {
                buffers.noiseBiasGrad[k] += z[r * samples + k];
            }
        }
        buffers.keepTargets(h, targets, n);
        return loss;
    }

    /** Adds one shard's buffered gradients into {@code lm.W} and {@code lm.b}, then clears the buffers. */
    void drain(Buffers buffers) {
        float[] gw = w.grad();
        float[] gb = b.grad();
        for (int r = 0; r < buffers.targetCount; r++) {
            int t = buffers.targets[r];
            w.touchRow(t);
            b.touchRow(t);
            VectorMath.axpy(buffers.targetGrad[r], buffers.targetRows, r * hidden, gw, t * hidden, hidden);
            gb[t] += buffers.targetGrad[r];
        }
        for (int k = 0; k < samples; k++) {
            int id = noise[k];
            w.touchRow(id);
            b.touchRow(id);
            VectorMath.add(buffers.noiseGrad, k * hidden, gw, id * hidden, hidden);
            gb[id] += buffers.noiseBiasGrad[k];
        }
        Arrays.fill(buffers.noiseGrad, 0, samples * hidden, 0f);
        Arrays.fill(buffers.noiseBiasGrad, 0, samples, 0f);
        buffers.targetCount = 0;
    }

    /** One shard's scratch and gradient buffers; the target rows' gradients wait for {@link #drain}. */
    static final class Buffers {
        float[] logits = new float[0];
        float[] noiseGrad = new float[0];
        float[] noiseBiasGrad = new float[0];
        float[] targetGrad = new float[0];
        float[] targetRows = new float[0];
        int[] targets = new int[0];
        int targetCount;

        void grow(int n, int samples, int hidden) {
            logits = RnnCache.grow(logits, n * samples);
            targetGrad = RnnCache.grow(targetGrad, n);
            if (noiseGrad.length < samples * hidden) {
                noiseGrad = new float[samples * hidden];
                noiseBiasGrad = new float[samples];
            }
        }

        /** Keeps the positions' inputs and targets (not copied: the caller leaves them until the drain). */
        void keepTargets(float[] h, int[] t, int n) {
            targetRows = h;
            targets = t;
            targetCount = n;
        }
    }
}
