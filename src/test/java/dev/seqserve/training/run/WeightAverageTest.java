package dev.seqserve.training.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.training.nn.CellType;
import dev.seqserve.training.nn.ForecastConfig;
import dev.seqserve.training.nn.ForecastNet;
import dev.seqserve.training.nn.ParamSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weight averaging shows the mean of the epochs' weights and trains on from each epoch's own. */
class WeightAverageTest {

    private final ParamSet params = new ParamSet(new ForecastNet(new ForecastConfig(CellType.GRU, 1, 3, 1, 1, 0f, 1)).params());

    /** Stands in for an epoch's training: every weight becomes {@code value}. */
    private void train(float value) {
        List<float[]> weights = params.snapshot();
        weights.forEach(w -> Arrays.fill(w, value));
        params.restore(weights);
    }

    private List<float[]> filled(float value) {
        List<float[]> weights = params.snapshot();
        weights.forEach(w -> Arrays.fill(w, value));
        return weights;
    }

    @Test
    void fromItsFirstEpochOnTheMeanIsInPlaceAndTrainingResumesFromTheEpochsOwnWeights() {
        WeightAverage average = new WeightAverage(params, 2);

        average.beforeTraining();
        train(1f);
        average.afterTraining(1);
        assertThat(params.snapshot()).containsExactlyElementsOf(filled(1f)); // before `from`: untouched

        average.beforeTraining();
        train(2f);
        average.afterTraining(2);
        assertThat(params.snapshot()).containsExactlyElementsOf(filled(2f)); // the mean of one epoch

        average.beforeTraining();
        assertThat(params.snapshot()).containsExactlyElementsOf(filled(2f));
        train(5f);
        average.afterTraining(3);
        assertThat(params.snapshot()).containsExactlyElementsOf(filled(3.5f)); // (2 + 5) / 2

        average.beforeTraining();
        assertThat(params.snapshot()).containsExactlyElementsOf(filled(5f)); // training goes on from epoch 3's
        train(8f);
        average.afterTraining(4);
        assertThat(params.snapshot()).containsExactlyElementsOf(filled(5f)); // (2 + 5 + 8) / 3
    }

    @Test
    void zeroLeavesTheWeightsAlone() {
        WeightAverage average = new WeightAverage(params, 0);
        for (int epoch = 1; epoch <= 3; epoch++) {
            average.beforeTraining();
            train(epoch);
            average.afterTraining(epoch);
            assertThat(params.snapshot()).containsExactlyElementsOf(filled(epoch));
        }
    }
}
