package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Binary cross-entropy from logits and squared error: their gradients, and stability at extreme logits. */
class LossGradientTest {

    @Test
    void binaryCrossEntropyGradientMatchesFiniteDifferences() {
        for (float y : new float[] {0f, 1f, 0.3f}) {
            for (float z : new float[] {-6f, -1.2f, 0f, 0.4f, 3f, 9f}) {
                double eps = 1e-2;
                double numeric = (Losses.bceWithLogits((float) (z + eps), y) - Losses.bceWithLogits((float) (z - eps), y)) / (2 * eps);
                assertThat(GradCheck.error(Losses.bceGradient(z, y), numeric)).as("z=%s y=%s", z, y).isLessThan(GradCheck.TOLERANCE);
            }
        }
    }

    @Test
    void binaryCrossEntropyStaysFiniteAndExactForHugeLogits() {
        assertThat(Losses.bceWithLogits(200f, 1f)).isCloseTo(0.0, within(1e-12));
        assertThat(Losses.bceWithLogits(-200f, 1f)).isCloseTo(200.0, within(1e-9));
        assertThat(Losses.bceWithLogits(200f, 0f)).isCloseTo(200.0, within(1e-9));
        assertThat(Losses.bceGradient(-200f, 1f)).isEqualTo(-1f);
        assertThat(Losses.bceWithLogits(0f, 1f)).isCloseTo(Math.log(2), within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(ForecastLoss.class)
    void forecastLossGradientsMatchFiniteDifferences(ForecastLoss loss) {
        float[] prediction = {0.5f, -1.25f, 2f};
        float[] target = {0.1f, -1f, 3f};
        double eps = 1e-2;
        for (int i = 0; i < prediction.length; i++) {
            float saved = prediction[i];
            prediction[i] = (float) (saved + eps);
            double plus = loss.of(prediction, 0, target, 3);
            prediction[i] = (float) (saved - eps);
            double minus = loss.of(prediction, 0, target, 3);
            prediction[i] = saved;
            double analytic = loss.gradient(saved - target[i], 1f);
            assertThat(GradCheck.error(analytic, (plus - minus) / (2 * eps))).isLessThan(GradCheck.TOLERANCE);
        }
        double expected = loss == ForecastLoss.SQUARED ? 0.16 + 0.0625 + 1.0 : 0.4 + 0.25 + 1.0;
        assertThat(loss.of(prediction, 0, target, 3)).isCloseTo(expected, within(1e-6));
    }
}
