package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dense, embedding and pooling gradients agree with finite differences; the embedding's stay sparse. */
class DenseEmbeddingPoolingGradientTest {

    private final SplittableRandom random = new SplittableRandom(3);

    @Test
    void denseGradientsOfWeightsBiasAndInputMatchFiniteDifferences() {
        Dense dense = new Dense("dense", 11, 3, random);
        System.arraycopy(GradCheck.randomArray(3, random, 1), 0, dense.b.value(), 0, 3);
        float[] x = GradCheck.randomArray(11, random, 1);
        float[] c = GradCheck.randomArray(3, random, 1);
        float[] y = new float[3];
        java.util.function.DoubleSupplier loss = () -> {
            dense.forward(x, 0, y, 0);
            return c[0] * (double) y[0] + c[1] * (double) y[1] + c[2] * (double) y[2];
        };
        ShardGrads grads = new ShardGrads(dense.params());
        float[] dx = new float[11];
        dense.backward(x, 0, c, 0, dx, 0, grads);
        grads.drainInto();

        assertThat(GradCheck.worst(dense.w.value(), dense.w.grad(), loss, 100, random)).isLessThan(GradCheck.TOLERANCE);
        assertThat(GradCheck.worst(dense.b.value(), dense.b.grad(), loss, 100, random)).isLessThan(GradCheck.TOLERANCE);
        assertThat(GradCheck.worst(x, dx, loss, 100, random)).isLessThan(GradCheck.TOLERANCE);
    }

    @Test
    void embeddingGradientsAccumulateOnlyInTheRowsUsed() {
        Embedding embedding = new Embedding("embedding", 10, 4, random);
        int[][] tokens = {{3, 5, 3}, {7}, {5, 5}};
        ShardPlan plan = ShardPlan.of(new int[] {3, 1, 2}, 1);
        TokenIndex index = new TokenIndex();
        index.build(tokens, plan.members[0], plan.packings[0], 10);
        assertThat(index.count).isEqualTo(3);
        float[] c = GradCheck.randomArray(index.count * 4, random, 1);
        float[] x = new float[index.count * 4];
        java.util.function.DoubleSupplier loss = () -> {
            embedding.gather(index.ids, index.count, x);
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (double) c[i] * x[i];
            }
            return sum;
        };
        embedding.scatter(index.ids, index.count, c);

        float[] table = embedding.table.value();
        assertThat(GradCheck.worst(table, embedding.table.grad(), loss, table.length, random)).isLessThan(GradCheck.TOLERANCE);
        assertThat(embedding.table.gradRows()).containsExactlyInAnyOrder(3, 5, 7);
        embedding.table.zeroGrad();
        assertThat(embedding.table.grad()).containsOnly(0f);
        assertThat(embedding.table.gradRows()).isEmpty();
    }

    @Test
    void meanAndMaxPoolingGradientsMatchFiniteDifferencesAndIgnorePadding() {
        int hid = 5;
        ShardPlan plan = ShardPlan.of(new int[] {4, 1, 3}, 1);
        Packing p = plan.packings[0];
        float[] h = GradCheck.randomArray(p.rows() * hid, random, 1);
        float[] c = GradCheck.randomArray(p.batch() * 2 * hid, random, 1);
        float[] pooled = new float[p.batch() * 2 * hid];
        int[] argmax = new int[p.batch() * hid];
        java.util.function.DoubleSupplier loss = () -> {
            Pooling.forward(p, h, hid, pooled, argmax);
            double sum = 0;
            for (int i = 0; i < pooled.length; i++) {
                sum += (double) c[i] * pooled[i];
            }
            return sum;
        };
        loss.getAsDouble();
        float[] dh = new float[h.length];
        Pooling.backward(p, hid, c, argmax, dh);

        // Small steps: a larger one could move the max to another time step.
        double worst = 0;
        for (int i = 0; i < h.length; i++) {
            float saved = h[i];
            h[i] = saved + 1e-3f;
            double plus = loss.getAsDouble();
            h[i] = saved - 1e-3f;
            double minus = loss.getAsDouble();
            h[i] = saved;
            worst = Math.max(worst, GradCheck.error(dh[i], (plus - minus) / ((double) (saved + 1e-3f) - (saved - 1e-3f))));
        }
        assertThat(worst).isLessThan(GradCheck.TOLERANCE);

        // The length-1 example (sorted last) pools its single step: mean and max both equal it.
        loss.getAsDouble();
        int q = 2;
        for (int j = 0; j < hid; j++) {
            assertThat(pooled[q * 2 * hid + j]).isEqualTo(h[p.row(0, q) * hid + j]);
            assertThat(pooled[q * 2 * hid + hid + j]).isEqualTo(h[p.row(0, q) * hid + j]);
        }
    }
}
