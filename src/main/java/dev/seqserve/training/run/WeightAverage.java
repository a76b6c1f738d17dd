package dev.seqserve.training.run;

import dev.seqserve.training.nn.ParamSet;
import java.util.List;

/**
 * Weight averaging over epochs (stochastic weight averaging, Izmailov et al. 2018, with one snapshot per epoch):
 * from epoch {@code from} on, the weights evaluated and kept after an epoch are the mean of the weights every epoch
 * since {@code from} ended with, while training goes on from the epoch's own weights. Off when {@code from} is 0.
 */
public final class WeightAverage {

    private final ParamSet params;
    private final int from;
    private List<float[]> mean;
    private List<float[]> trained;
    private int count;

    /**
     * @param params the network's parameters
     * @param from the first epoch folded into the mean; 0 turns averaging off
     */
    public WeightAverage(ParamSet params, int from) {
        if (from < 0) {
            throw new IllegalArgumentException("the first averaged epoch must be 0 (off) or more, got " + from);
        }
        this.params = params;
        this.from = from;
    }

    /** Before an epoch trains: the weights the last epoch trained to, in place of the mean shown since. */
    public void beforeTraining() {
        if (trained != null) {
            params.restore(trained);
            trained = null;
        }
    }

    /**
     * After epoch {@code epoch} trained: from {@link #from} on, folds the weights into the mean and puts the mean in
     * their place (for evaluation and for keeping), the trained weights set aside for {@link #beforeTraining()}.
     */
    public void afterTraining(int epoch) {
        if (from == 0 || epoch < from) {
            return;
        }
        trained = params.snapshot();
        count++;
        if (mean == null) {
            mean = params.snapshot();
        } else {
            for (int p = 0; p < mean.size(); p++) {
                float[] m = mean.get(p);
                float[] w = trained.get(p);
                for (int i = 0; i < m.length; i++) {
                    m[i] += (w[i] - m[i]) / count;
                }
            }
        }
        params.restore(mean);
    }
}
