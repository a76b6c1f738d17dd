package dev.seqserve.training.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Review sentiment: token ids → embedding → LSTM/GRU (and, bidirectional, a second one reading each review
 * backwards) → mean ‖ max pooling over the real steps of each direction → dropout → dense(2H·D → 1) → logit,
 * trained with binary cross-entropy.
 *
 * <p>Parameters, in {@link #params()} order: {@code embedding} [V × E], {@code rnn.W} [G·H × E], {@code rnn.R}
 * [G·H × H], {@code rnn.B} [2·G·H], then the same three as {@code rnn_back.*} when bidirectional,
 * {@code dense.W} [1 × 2H·D], {@code dense.b} [1], where G is 4 for LSTM and 3 for GRU and D the number of
 * directions. The pooled features are [mean, max] of the forward states, then of the backward ones. Not
 * thread-safe: one caller at a time (each call already uses every core).
 */
public final class SentimentNet {

    private final SentimentConfig config;
    final Embedding embedding;
    final RecurrentLayer rnn;
    /** The layer that reads each review from its end, or null for a forward-only network. */
    final RecurrentLayer rnnBack;
    final Dense dense;
    private final List<Param> params;
    private final List<Param> denseParams;
    private final List<Param> recurrentParams;
    private final List<SentimentPass> passes = new ArrayList<>();
    private final List<LanguageModelPass> lmPasses = new ArrayList<>();
    /** Examples per inference pass; results do not depend on it. */
    static final int INFERENCE_CHUNK = 256;

    private long calls;
    /** Shards per batch; results are bit-identical for a given value, so it is fixed per machine. */
    int shards = Parallel.THREADS;

    /**
     * Builds the network with weights drawn from {@code config.seed()}.
     *
     * @param config the shape
     */
    public SentimentNet(SentimentConfig config) {
        this.config = config;
        SplittableRandom random = new SplittableRandom(config.seed());
        this.embedding = new Embedding("embedding", config.vocabSize(), config.embeddingDim(), random);
        this.rnn = new RecurrentLayer("rnn", config.cell(), config.embeddingDim(), config.hidden(), random);
        this.rnnBack = config.bidirectional()
                ? new RecurrentLayer("rnn_back", config.cell(), config.embeddingDim(), config.hidden(), random)
                : null;
        this.dense = new Dense("dense", config.pooledWidth(), 1, random);
        List<Param> recurrent = rnnBack == null ? rnn.params() : concat(rnn.params(), rnnBack.params());
        this.recurrentParams = List.copyOf(recurrent);
        this.denseParams = List.copyOf(concat(recurrent, dense.params()));
        this.params = List.copyOf(concat(List.of(embedding.table), denseParams));
    }

    private static List<Param> concat(List<Param> a, List<Param> b) {
        List<Param> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The shape this network was built with.
     *
     * @return the config
     */
    public SentimentConfig config() {
        return config;
    }

    /**
     * Replaces the embedding's initial rows, e.g. with pretrained word vectors.
     *
     * @param table [V × E], row per token id
     */
    public void loadEmbedding(float[] table) {
        float[] rows = embedding.table.value();
        if (table.length != rows.length) {
            throw new IllegalArgumentException(table.length + " values for an embedding of " + rows.length);
        }
        System.arraycopy(table, 0, rows, 0, rows.length);
    }

    /**
     * The trainable parameters with stable names, in ONNX layouts.
     *
     * @return an unmodifiable list
     */
    public List<Param> params() {
        return params;
    }

    /**
     * What language-model pretraining trains: the embedding and the recurrent layers, not the classifier.
     *
     * @return an unmodifiable list, in {@link #params()} order
     */
    public List<Param> encoderParams() {
        return List.copyOf(concat(List.of(embedding.table), recurrentParams));
    }

    /**
     * Language-model step: every forward state predicts the next token and every backward state the previous
     * one (padding and out-of-vocabulary tokens are
     * never predicted), through {@code head}; the mean loss's gradient is added into the encoder's and the head's
     * {@link Param#grad()}.
     *
     * @param tokens one array of token ids per text, each at least one long
     * @param head the output layer, shared by both directions
     * @param noise draws the batch's noise words
     * @return the mean negative log-likelihood per predicted token (NaN if no text is longer than one token)
     */
    public double languageModelLossAndGradients(int[][] tokens, SampledSoftmax head, SplittableRandom noise) {
        if (head.hidden != config.hidden()) {
            throw new IllegalArgumentException("the head reads " + head.hidden + " units, the network has " + config.hidden());
        }
        ShardPlan plan = plan(tokens);
        long predictions = 0;
        for (int[] t : tokens) {
            for (int i = 0; i < t.length; i++) {
                if (LanguageModelPass.predicted(t[i])) {
                    // Token i is the next of position i − 1 forwards and of position i + 1 backwards.
                    predictions += (i > 0 ? 1 : 0) + (config.bidirectional() && i < t.length - 1 ? 1 : 0);
                }
            }
        }
        if (predictions == 0) {
            return Double.NaN;
        }
        head.drawNoise(noise);
        while (lmPasses.size() < plan.shards()) {
            lmPasses.add(new LanguageModelPass(recurrentParams));
        }
        float scale = 1f / predictions;
        Parallel.run(plan.shards(), s -> lmPasses.get(s).run(this, head, tokens, plan.members[s], plan.packings[s], scale));
        double loss = 0;
        for (int s = 0; s < plan.shards(); s++) {
            LanguageModelPass pass = lmPasses.get(s);
            loss += pass.loss;
            pass.grads.drainInto();
            embedding.scatter(pass.tokens.ids, pass.tokens.count, pass.dx);
            head.drain(pass.head);
        }
        return loss / predictions;
    }

    /**
     * Inference logits (no dropout) for a ragged batch.
     *
     * @param tokens one array of token ids per example, each at least one long
     * @return one logit per example, in input order
     */
    public float[] logits(int[][] tokens) {
        float[] out = new float[tokens.length];
        // Chunks bound the activation memory when a caller scores a whole split at once.
        for (int from = 0; from < tokens.length; from += INFERENCE_CHUNK) {
            int[][] chunk = Arrays.copyOfRange(tokens, from, Math.min(tokens.length, from + INFERENCE_CHUNK));
            ShardPlan plan = plan(chunk);
            Parallel.run(plan.shards(), s -> passes.get(s).forward(this, chunk, plan.members[s], plan.packings[s], false, 0));
            for (int s = 0; s < plan.shards(); s++) {
                for (int q = 0; q < plan.members[s].length; q++) {
                    out[from + plan.members[s][q]] = passes.get(s).logits[q];
                }
            }
        }
        return out;
    }

    /**
     * Inference probabilities of the positive class.
     *
     * @param tokens one array of token ids per example, each at least one long
     * @return σ(logit) per example, in input order
     */
    public float[] predict(int[][] tokens) {
        float[] out = logits(tokens);
        for (int i = 0; i < out.length; i++) {
            out[i] = Losses.sigmoid(out[i]);
        }
        return out;
    }

    /**
     * Training step: forward with dropout, mean binary cross-entropy, and its gradient added into every
     * parameter's {@link Param#grad()} (call {@link ParamSet#zeroGrad()} between batches). With an adversarial
     * size in the config, the gradient is that of the clean loss plus the loss at adversarially perturbed inputs
     * (each shard's distinct-token inputs moved along their gradient), and the clean loss is returned.
     *
     * @param tokens one array of token ids per example, each at least one long
     * @param labels 0 or 1 (or a soft target in between) per example
     * @return the mean loss over the batch
     */
    public double lossAndGradients(int[][] tokens, float[] labels) {
        return lossAndGradients(tokens, labels, ++calls);
    }

    /** As the public method, with the dropout masks of training call {@code call} (tests repeat a call). */
    double lossAndGradients(int[][] tokens, float[] labels, long call) {
        if (labels.length != tokens.length) {
            throw new IllegalArgumentException(tokens.length + " examples but " + labels.length + " labels");
        }
        ShardPlan plan = plan(tokens);
        float scale = 1f / tokens.length;
        Parallel.run(plan.shards(), s -> {
            SentimentPass pass = passes.get(s);
            pass.forward(this, tokens, plan.members[s], plan.packings[s], true, call);
            pass.backward(this, labels, plan.members[s], plan.packings[s], scale);
            if (config.adversarial() > 0) {
                pass.adversarial(this, labels, plan.members[s], plan.packings[s], scale, call, config.adversarial());
            }
        });
        double loss = 0;
        for (int s = 0; s < plan.shards(); s++) {
            SentimentPass pass = passes.get(s);
            loss += pass.loss;
            pass.grads.drainInto();
            embedding.scatter(pass.tokens.ids, pass.tokens.count, pass.dx);
        }
        return loss / tokens.length;
    }

    /** Validates the whole batch before any shard runs, so a bad id cannot leave half-written gradients. */
    private ShardPlan plan(int[][] tokens) {
        int[] lengths = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            lengths[i] = tokens[i].length;
            for (int id : tokens[i]) {
                if (id < 0 || id >= config.vocabSize()) {
                    throw new IllegalArgumentException("example " + i + ": token id " + id + " outside [0, " + config.vocabSize() + ")");
                }
            }
        }
        ShardPlan plan = ShardPlan.of(lengths, shards);
        while (passes.size() < plan.shards()) {
            passes.add(new SentimentPass(denseParams));
        }
        rnn.prepare();
        if (rnnBack != null) {
            rnnBack.prepare();
        }
        return plan;
    }
}
