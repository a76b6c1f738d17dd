package dev.seqserve.training.nn;

import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The Adam optimiser (Kingma and Ba) with optional decoupled weight decay (AdamW), updating parameters in place
 * from their accumulated gradients.
 *
 * <p>Row-sparse parameters are updated lazily, like PyTorch's {@code SparseAdam}: only the rows the last batch
 * touched move and have their moments updated, which keeps a 20,000-word embedding cheap.
 */
public final class Adam {

    private final List<Param> params;
    private final float[][] m;
    private final float[][] v;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private float learningRate;
    private long steps;

    /**
     * Adam with β1 0.9, β2 0.999, ε 1e-8 and no weight decay.
     *
     * @param params       the parameters to update
     * @param learningRate the step size
     */
    public Adam(List<Param> params, float learningRate) {
        this(params, learningRate, 0.9f, 0.999f, 1e-8f, 0f);
    }

    /**
     * Adam with every hyper-parameter given.
     *
     * @param params       the parameters to update
     * @param learningRate the step size
     * @param beta1        decay of the first moment
     * @param beta2        decay of the second moment
     * @param eps          added to the root of the second moment
     * @param weightDecay  decoupled weight decay per step, scaled by the learning rate; 0 turns it off
     */
    public Adam(List<Param> params, float learningRate, float beta1, float beta2, float eps, float weightDecay) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0) || weightDecay < 0) {
            throw new IllegalArgumentException("bad Adam hyper-parameters");
        }
        this.params = List.copyOf(params);
        this.m = new float[this.params.size()][];
        this.v = new float[this.params.size()][];
        for (int i = 0; i < this.params.size(); i++) {
            m[i] = new float[this.params.get(i).size()];
            v[i] = new float[this.params.get(i).size()];
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** Applies one update from the current gradients; it does not clear them. */
    public void step() {
        steps++;
        float correction1 = (float) (1 - Math.pow(beta1, steps));
        float correction2 = (float) (1 - Math.pow(beta2, steps));
        float stepSize = learningRate / correction1;
        float rootCorrection2 = (float) Math.sqrt(correction2);
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.isRowSparse()) {
                int len = p.rowLength();
                for (int row : p.gradRows()) {
                    update(p, i, row * len, (row + 1) * len, stepSize, rootCorrection2);
                }
            } else {
                update(p, i, 0, p.size(), stepSize, rootCorrection2);
            }
        }
    }

    private void update(Param p, int index, int from, int to, float stepSize, float rootCorrection2) {
        float[] w = p.value();
        float[] g = p.grad();
        float[] mi = m[index];
        float[] vi = v[index];
        float decay = 1 - learningRate * weightDecay;
        int j = from;
        // Vector and scalar paths do the same IEEE operations (sqrt included), so results do not depend on lanes.
        for (int bound = from + VectorMath.SPECIES.loopBound(to - from); j < bound; j += VectorMath.LANES) {
            FloatVector gj = FloatVector.fromArray(VectorMath.SPECIES, g, j);
            FloatVector mj = FloatVector.fromArray(VectorMath.SPECIES, mi, j).mul(beta1).add(gj.mul(1 - beta1));
            FloatVector vj = FloatVector.fromArray(VectorMath.SPECIES, vi, j).mul(beta2).add(gj.mul(1 - beta2).mul(gj));
            mj.intoArray(mi, j);
            vj.intoArray(vi, j);
            FloatVector denom = vj.lanewise(VectorOperators.SQRT).div(rootCorrection2).add(eps);
            FloatVector wj = FloatVector.fromArray(VectorMath.SPECIES, w, j);
            wj.mul(decay).sub(mj.mul(stepSize).div(denom)).intoArray(w, j);
        }
        for (; j < to; j++) {
            float gj = g[j];
            mi[j] = beta1 * mi[j] + (1 - beta1) * gj;
            vi[j] = beta2 * vi[j] + (1 - beta2) * gj * gj;
            float denom = (float) Math.sqrt(vi[j]) / rootCorrection2 + eps;
            w[j] = w[j] * decay - stepSize * mi[j] / denom;
        }
    }

    /**
     * The current step size.
     *
     * @return the learning rate
     */
    public float learningRate() {
        return learningRate;
    }

    /**
     * Changes the step size, for schedules.
     *
     * @param learningRate the new learning rate, positive
     */
    public void setLearningRate(float learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /**
     * Number of updates applied so far.
     *
     * @return the step count
     */
    public long steps() {
        return steps;
    }
}
