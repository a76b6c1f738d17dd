package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Backpropagation through time of LSTM and GRU layers agrees with finite differences on ragged batches. */
class RecurrentGradientTest {

    /** Includes a length-1 example and two that use the full padded length. */
    private static final int[] LENGTHS = {6, 1, 3, 6, 2};
    private static final int STEPS = 6;

    @ParameterizedTest(name = "{0} input {1} hidden {2}")
    @CsvSource({"LSTM, 3, 4", "LSTM, 5, 9", "GRU, 3, 4", "GRU, 5, 9"})
    void weightAndInputGradientsMatchFiniteDifferences(CellType cell, int input, int hidden) {
        Harness h = new Harness(cell, input, hidden, 2);
        h.backward();
        SplittableRandom random = new SplittableRandom(11);

        assertThat(GradCheck.worst(h.layer.w.value(), h.layer.w.grad(), h::loss, 60, random)).isLessThan(GradCheck.TOLERANCE);
        assertThat(GradCheck.worst(h.layer.r.value(), h.layer.r.grad(), h::loss, 60, random)).isLessThan(GradCheck.TOLERANCE);
        assertThat(GradCheck.worst(h.layer.b.value(), h.layer.b.grad(), h::loss, 60, random)).isLessThan(GradCheck.TOLERANCE);
        assertThat(GradCheck.worst(h.x, h.dx, h::loss, 80, random)).isLessThan(GradCheck.TOLERANCE);
    }

    @ParameterizedTest
    @CsvSource({"LSTM", "GRU"})
    void paddedStepsGetNoGradientAndDoNotChangeTheLoss(CellType cell) {
        Harness h = new Harness(cell, 3, 4, 3);
        h.backward();
        double before = h.loss();
        for (int b = 0; b < LENGTHS.length; b++) {
            for (int t = LENGTHS[b]; t < STEPS; t++) {
                for (int i = 0; i < 3; i++) {
                    int index = (b * STEPS + t) * 3 + i;
                    assertThat(h.dx[index]).isZero();
                    h.x[index] = 1e6f;
                }
            }
        }
        assertThat(h.loss()).isEqualTo(before);
    }

    /** A layer, a padded input and a random linear loss over every real output and every final state. */
    static final class Harness {
        final RecurrentLayer layer;
        final float[] x;
        final float[] dx;
        final float[] outputWeights;
        final float[] lastWeights;
        final int input;
        final int hidden;
        final int shards;

        Harness(CellType cell, int input, int hidden, int shards) {
            SplittableRandom random = new SplittableRandom(7);
            this.layer = new RecurrentLayer("rnn", cell, input, hidden, random);
            // Non-zero biases so that every bias path carries a gradient.
            System.arraycopy(GradCheck.randomArray(layer.b.size(), random, 0.5), 0, layer.b.value(), 0, layer.b.size());
            this.input = input;
            this.hidden = hidden;
            this.shards = shards;
            this.x = GradCheck.randomArray(LENGTHS.length * STEPS * input, random, 1.0);
            this.dx = new float[x.length];
            this.outputWeights = GradCheck.randomArray(LENGTHS.length * STEPS * hidden, random, 1.0);
            this.lastWeights = GradCheck.randomArray(LENGTHS.length * hidden, random, 1.0);
        }

        float[][][] padded() {
            float[][][] out = new float[LENGTHS.length][STEPS][input];
            for (int b = 0; b < LENGTHS.length; b++) {
                for (int t = 0; t < STEPS; t++) {
                    System.arraycopy(x, (b * STEPS + t) * input, out[b][t], 0, input);
                }
            }
            return out;
        }

        double loss() {
            PaddedRnn.Output out = PaddedRnn.forward(layer, padded(), LENGTHS, shards);
            double sum = 0;
            for (int b = 0; b < LENGTHS.length; b++) {
                for (int t = 0; t < STEPS; t++) {
                    for (int j = 0; j < hidden; j++) {
                        sum += (double) outputWeights[(b * STEPS + t) * hidden + j] * out.y()[b][t][j];
                    }
                }
                for (int j = 0; j < hidden; j++) {
                    sum += (double) lastWeights[b * hidden + j] * out.last()[b][j];
                }
            }
            return sum;
        }

        void backward() {
            PaddedRnn.Output out = PaddedRnn.forward(layer, padded(), LENGTHS, shards);
            ShardGrads grads = new ShardGrads(layer.params());
            for (int s = 0; s < out.plan().shards(); s++) {
                Packing p = out.plan().packings[s];
                int[] members = out.plan().members[s];
                float[] dh = new float[p.rows() * hidden];
                for (int q = 0; q < members.length; q++) {
                    int b = members[q];
                    for (int t = 0; t < p.length(q); t++) {
                        System.arraycopy(outputWeights, (b * STEPS + t) * hidden, dh, p.row(t, q) * hidden, hidden);
                    }
                    VectorMath.add(lastWeights, b * hidden, dh, p.lastRow(q) * hidden, hidden);
                }
                float[] packedDx = new float[p.rows() * input];
                layer.backward(p, out.caches()[s], dh, packedDx, grads);
                for (int q = 0; q < members.length; q++) {
                    for (int t = 0; t < p.length(q); t++) {
                        System.arraycopy(packedDx, p.row(t, q) * input, dx, (members[q] * STEPS + t) * input, input);
                    }
                }
            }
            grads.drainInto();
        }
    }
}
