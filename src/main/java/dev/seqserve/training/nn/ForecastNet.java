package dev.seqserve.training.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Series forecasting: float windows [T × F] → one or two stacked LSTM/GRU layers → the top layer's last hidden
 * state → dropout → dense(H → outputs), linear outputs trained with mean squared error.
 *
 * <p>Parameters, in {@link #params()} order: {@code rnn0.W} [G·H × F], {@code rnn0.R}, {@code rnn0.B}, then
 * {@code rnn1.W} [G·H × H], {@code rnn1.R}, {@code rnn1.B} for a second layer, then {@code dense.W}
 * [outputs × H] and {@code dense.b} [outputs]. Not thread-safe: one caller at a time.
 */
public final class ForecastNet {

    private final ForecastConfig config;
    final List<RecurrentLayer> layers = new ArrayList<>();
    final Dense dense;
    private final List<Param> params;
    private final List<ForecastPass> passes = new ArrayList<>();
    /** Windows per inference pass; results do not depend on it. */
    static final int INFERENCE_CHUNK = 1024;

    private long calls;
    /** Shards per batch; results are bit-identical for a given value, so it is fixed per machine. */
    int shards = Parallel.THREADS;

    /**
     * Builds the network with weights drawn from {@code config.seed()}.
     *
     * @param config the shape
     */
    public ForecastNet(ForecastConfig config) {
        this.config = config;
        SplittableRandom random = new SplittableRandom(config.seed());
        List<Param> all = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            int in = l == 0 ? config.features() : config.hidden();
            RecurrentLayer layer = new RecurrentLayer("rnn" + l, config.cell(), in, config.hidden(), random);
            layers.add(layer);
            all.addAll(layer.params());
        }
        this.dense = new Dense("dense", config.hidden(), config.outputs(), random);
        all.addAll(dense.params());
        this.params = List.copyOf(all);
    }

    /**
     * The shape this network was built with.
     *
     * @return the config
     */
    public ForecastConfig config() {
        return config;
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
     * Inference on full-length windows.
     *
     * @param inputs [batch][T][features]
     * @return [batch][outputs]
     */
    public float[][] predict(float[][][] inputs) {
        return predict(inputs, fullLengths(inputs));
    }

    /**
     * Inference on windows with their own lengths; steps from {@code lengths[b]} on are ignored.
     *
     * @param inputs  [batch][≥ length][features]
     * @param lengths real steps per window, each at least 1
     * @return [batch][outputs]
     */
    public float[][] predict(float[][][] inputs, int[] lengths) {
        if (lengths.length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " windows but " + lengths.length + " lengths");
        }
        float[][] out = new float[inputs.length][config.outputs()];
        // Chunks bound the activation memory when a caller scores a whole split at once.
        for (int from = 0; from < inputs.length; from += INFERENCE_CHUNK) {
            int to = Math.min(inputs.length, from + INFERENCE_CHUNK);
            float[][][] chunk = Arrays.copyOfRange(inputs, from, to);
            ShardPlan plan = plan(chunk, Arrays.copyOfRange(lengths, from, to));
            Parallel.run(plan.shards(), s -> passes.get(s).forward(this, chunk, plan.members[s], plan.packings[s], false, 0));
            for (int s = 0; s < plan.shards(); s++) {
                for (int q = 0; q < plan.members[s].length; q++) {
                    System.arraycopy(passes.get(s).out, q * config.outputs(), out[from + plan.members[s][q]], 0, config.outputs());
                }
            }
        }
        return out;
    }

    /**
     * Training step on full-length windows; see {@link #lossAndGradients(float[][][], int[], float[][])}.
     *
     * @param inputs  [batch][T][features]
     * @param targets [batch][outputs]
     * @return the mean squared error over the batch and outputs
     */
    public double lossAndGradients(float[][][] inputs, float[][] targets) {
        return lossAndGradients(inputs, fullLengths(inputs), targets);
    }

    /**
     * Training step: forward with dropout, mean squared error over all outputs, and its gradient added into
     * every parameter's {@link Param#grad()} (call {@link ParamSet#zeroGrad()} between batches).
     *
     * @param inputs  [batch][≥ length][features]
     * @param lengths real steps per window, each at least 1
     * @param targets [batch][outputs]
     * @return the mean squared error over the batch and outputs
     */
    public double lossAndGradients(float[][][] inputs, int[] lengths, float[][] targets) {
        return lossAndGradients(inputs, lengths, targets, ++calls);
    }

    /** As the public method, with the dropout masks of training call {@code call} (tests repeat a call). */
    double lossAndGradients(float[][][] inputs, int[] lengths, float[][] targets, long call) {
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " windows but " + targets.length + " targets");
        }
        for (float[] target : targets) {
            if (target.length != config.outputs()) {
                throw new IllegalArgumentException("expected " + config.outputs() + " targets per window, got " + target.length);
            }
        }
        ShardPlan plan = plan(inputs, lengths);
        float scale = 1f / (inputs.length * config.outputs());
        Parallel.run(plan.shards(), s -> {
            ForecastPass pass = passes.get(s);
            pass.forward(this, inputs, plan.members[s], plan.packings[s], true, call);
            pass.backward(this, targets, plan.members[s], plan.packings[s], scale);
        });
        double loss = 0;
        for (int s = 0; s < plan.shards(); s++) {
            loss += passes.get(s).loss;
            passes.get(s).grads.drainInto();
        }
        return loss / ((double) inputs.length * config.outputs());
    }

    private static int[] fullLengths(float[][][] inputs) {
        int[] lengths = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            lengths[i] = inputs[i].length;
        }
        return lengths;
    }

    private ShardPlan plan(float[][][] inputs, int[] lengths) {
        if (lengths.length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " windows but " + lengths.length + " lengths");
        }
        // Validate the whole batch before any shard runs, so bad input cannot leave half-written gradients.
        for (int i = 0; i < inputs.length; i++) {
            if (lengths[i] > inputs[i].length) {
                throw new IllegalArgumentException("window " + i + " has " + inputs[i].length + " steps, length says " + lengths[i]);
            }
            for (int t = 0; t < lengths[i]; t++) {
                if (inputs[i][t].length != config.features()) {
                    throw new IllegalArgumentException("window " + i + " step " + t + ": expected " + config.features()
                            + " features, got " + inputs[i][t].length);
                }
            }
        }
        ShardPlan plan = ShardPlan.of(lengths, shards);
        while (passes.size() < plan.shards()) {
            passes.add(new ForecastPass(config.layers(), params));
        }
        for (RecurrentLayer layer : layers) {
            layer.prepare();
        }
        return plan;
    }
}
