package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The packed LSTM and GRU kernels compute what ONNX's operators define, including {@code sequence_lens}. */
class RecurrentForwardTest {

    @ParameterizedTest(name = "{0} input {1} hidden {2}")
    @CsvSource({"LSTM, 2, 3", "LSTM, 13, 20", "LSTM, 8, 32", "GRU, 2, 3", "GRU, 13, 20", "GRU, 8, 32"})
    void outputsMatchTheOnnxEquationsAndAreZeroPastEachLength(CellType cell, int input, int hidden) {
        SplittableRandom random = new SplittableRandom(input * 31L + hidden);
        RecurrentLayer layer = new RecurrentLayer("rnn", cell, input, hidden, random);
        float[] bias = GradCheck.randomArray(layer.b.size(), random, 0.5);
        System.arraycopy(bias, 0, layer.b.value(), 0, bias.length);
        int[] lengths = {7, 1, 4, 7, 2, 5, 3};
        float[][][] x = new float[lengths.length][7][input];
        for (float[][] example : x) {
            for (float[] step : example) {
                System.arraycopy(GradCheck.randomArray(input, random, 1.5), 0, step, 0, input);
            }
        }

        PaddedRnn.Output out = PaddedRnn.forward(layer, x, lengths, 3);
        ReferenceRnn.Output ref = ReferenceRnn.run(cell, layer.w.value(), layer.r.value(), layer.b.value(), hidden, x, lengths);

        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < 7; t++) {
                for (int j = 0; j < hidden; j++) {
                    if (t < lengths[b]) {
                        assertThat((double) out.y()[b][t][j]).as("Y[%d][%d][%d]", b, t, j).isCloseTo(ref.y()[b][t][j], within(1e-5));
                    } else {
                        assertThat(out.y()[b][t][j]).as("Y past length").isZero();
                    }
                }
            }
            for (int j = 0; j < hidden; j++) {
                assertThat((double) out.last()[b][j]).as("Y_h[%d][%d]", b, j).isCloseTo(ref.last()[b][j], within(1e-5));
                assertThat(out.last()[b][j]).isEqualTo(out.y()[b][lengths[b] - 1][j]);
            }
        }
    }
}
