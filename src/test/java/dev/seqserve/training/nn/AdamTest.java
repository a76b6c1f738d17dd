package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Adam's update rule, its lazy treatment of sparse rows, and that it actually trains a network. */
class AdamTest {

    @Test
    void firstStepMovesEveryWeightByTheLearningRateAgainstItsGradient() {
        Param p = new Param("w", false, 3);
        p.grad()[0] = 4f;
        p.grad()[1] = -0.001f;
        Adam adam = new Adam(List.of(p), 0.1f);
        adam.step();
        // m̂ / √v̂ = g / |g| on the first step.
        assertThat(p.value()).containsExactly(new float[] {-0.1f, 0.1f, 0f}, within(1e-5f));
        assertThat(adam.steps()).isEqualTo(1);
    }

    @Test
    void rowsOfASparseParameterThatGotNoGradientDoNotMove() {
        Param table = new Param("embedding", true, 4, 2);
        table.grad()[2] = 1f;
        table.touchRow(1);
        Adam adam = new Adam(List.of(table), 0.5f);
        adam.step();
        table.zeroGrad();
        adam.step();
        assertThat(table.value()).containsExactly(0f, 0f, -0.5f, 0f, 0f, 0f, 0f, 0f);
    }

    @Test
    void decoupledWeightDecayShrinksWeightsWithoutGradient() {
        Param p = new Param("w", false, 1);
        p.value()[0] = 2f;
        new Adam(List.of(p), 0.1f, 0.9f, 0.999f, 1e-8f, 0.5f).step();
        assertThat(p.value()[0]).isCloseTo(2f * (1 - 0.05f), within(1e-6f));
    }

    @Test
    void trainingAForecastNetReducesItsLoss() {
        ForecastNet net = new ForecastNet(new ForecastConfig(CellType.LSTM, 1, 8, 1, 1, 0f, 3));
        SplittableRandom random = new SplittableRandom(8);
        // Target: the mean of the window, which an LSTM learns quickly.
        float[][][] inputs = new float[32][6][1];
        float[][] targets = new float[32][1];
        for (int b = 0; b < 32; b++) {
            for (int t = 0; t < 6; t++) {
                inputs[b][t][0] = (float) random.nextGaussian();
                targets[b][0] += inputs[b][t][0] / 6;
            }
        }
        ParamSet params = new ParamSet(net.params());
        Adam adam = new Adam(net.params(), 0.02f);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 150; step++) {
            params.zeroGrad();
            last = net.lossAndGradients(inputs, targets);
            first = step == 0 ? last : first;
            adam.step();
        }
        assertThat(last).isLessThan(first * 0.1);
    }
}
