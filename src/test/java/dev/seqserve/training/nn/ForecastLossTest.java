package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each loss teaches a network about a skewed target: squared error its mean, absolute error its median. */
class ForecastLossTest {

    /** Identical windows whose targets are 0 for 7 of 10 and 10 for the rest: mean 3, median 0. */
    private static float[] fitSkewedTarget(ForecastLoss loss) {
        ForecastNet net = new ForecastNet(new ForecastConfig(CellType.GRU, 1, 4, 1, 1, 0f, 5, loss));
        float[][][] inputs = new float[40][3][1];
        float[][] targets = new float[40][1];
        for (int b = 0; b < 40; b++) {
            for (int t = 0; t < 3; t++) {
                inputs[b][t][0] = 0.5f;
            }
            targets[b][0] = b % 10 < 7 ? 0f : 10f;
        }
        ParamSet params = new ParamSet(net.params());
        Adam adam = new Adam(net.params(), 0.05f);
        for (int step = 0; step < 600; step++) {
            params.zeroGrad();
            net.lossAndGradients(inputs, targets);
            adam.step();
        }
        return net.predict(new float[][][] {inputs[0]})[0];
    }

    @Test
    void squaredErrorLearnsTheMean() {
        assertThat(fitSkewedTarget(ForecastLoss.SQUARED)[0]).isCloseTo(3f, within(0.3f));
    }

    @Test
    void absoluteErrorLearnsTheMedian() {
        assertThat(fitSkewedTarget(ForecastLoss.ABSOLUTE)[0]).isCloseTo(0f, within(0.3f));
    }

    @Test
    void theCommandLineNamesParseInAnyCaseAndOthersAreRefused() {
        assertThat(List.of(ForecastLoss.parse("absolute"), ForecastLoss.parse("SQUARED")))
                .containsExactly(ForecastLoss.ABSOLUTE, ForecastLoss.SQUARED);
        assertThatThrownBy(() -> ForecastLoss.parse("huber")).hasMessageContaining("squared or absolute");
    }
}
