package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdversarialTrainingTest {

    private static final int[][] TOKENS = {{1, 5, 7, 2, 9, 11, 3}, {4}, {6, 6, 1, 8}, {2, 3, 4, 5, 6, 7, 8}, {10, 11}};
    private static final float[] LABELS = {1, 0, 1, 0, 1};

    @Test
    void thePerturbedStepAddsTheGradientOfAHigherLoss() {
        SentimentNet clean = new SentimentNet(new SentimentConfig(CellType.GRU, 12, 6, 5, true, 0f, 0f, 3));
        SentimentNet adversarial = new SentimentNet(new SentimentConfig(CellType.GRU, 12, 6, 5, true, 0f, 0.05f, 3));
        ParamSet cleanParams = new ParamSet(clean.params());
        ParamSet adversarialParams = new ParamSet(adversarial.params());

        double cleanLoss = clean.lossAndGradients(TOKENS, LABELS, 1);
        double reported = adversarial.lossAndGradients(TOKENS, LABELS, 1);

        // The clean loss is what both report; the adversarial gradient is the clean one plus the perturbed loss's,
        // whose loss is higher, so the total gradient is larger than the clean one.
        assertThat(reported).isEqualTo(cleanLoss);
        assertThat(adversarialParams.gradNorm()).isGreaterThan(cleanParams.gradNorm());
        SentimentNet shifted = new SentimentNet(new SentimentConfig(CellType.GRU, 12, 6, 5, true, 0f, 0f, 3));
        float[] table = shifted.params().get(0).value();
        float[] gradient = clean.params().get(0).grad();
        double gradientNorm = Math.sqrt(dot(gradient, gradient));
        for (int i = 0; i < table.length; i++) {
            table[i] += (float) (0.05 * gradient[i] / gradientNorm);
        }
        assertThat(shifted.lossAndGradients(TOKENS, LABELS, 1)).isGreaterThan(cleanLoss);
    }

    @Test
    void theSameSeedRepeatsAdversarialTrainingExactly() {
        List<float[]> first = train();
        List<float[]> second = train();

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).containsExactly(first.get(i));
        }
    }

    private static List<float[]> train() {
        SentimentNet net = new SentimentNet(new SentimentConfig(CellType.LSTM, 12, 6, 5, true, 0.2f, 0.05f, 9));
        ParamSet params = new ParamSet(net.params());
        Adam adam = new Adam(net.params(), 0.01f);
        for (int step = 0; step < 5; step++) {
            params.zeroGrad();
            net.lossAndGradients(TOKENS, LABELS);
            adam.step();
        }
        return params.snapshot();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
