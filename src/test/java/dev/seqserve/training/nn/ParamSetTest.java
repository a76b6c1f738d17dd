package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Global-norm clipping, snapshots and lookup over a network's parameters. */
class ParamSetTest {

    @Test
    void clippingScalesAllGradientsTogetherDownToTheMaximumNorm() {
        Param a = new Param("a", false, 2);
        Param b = new Param("b", true, 3, 1);
        a.grad()[0] = 3f;
        b.grad()[2] = 4f;
        b.touchRow(2);
        ParamSet set = new ParamSet(List.of(a, b));

        assertThat(set.clipGradNorm(1.0)).isCloseTo(5.0, within(1e-9));
        assertThat(set.gradNorm()).isCloseTo(1.0, within(1e-5));
        assertThat(a.grad()[0]).isCloseTo(0.6f, within(1e-5f));
        assertThat(b.grad()[2]).isCloseTo(0.8f, within(1e-5f));
        assertThat(set.clipGradNorm(10.0)).isCloseTo(1.0, within(1e-5));
        assertThat(a.grad()[0]).isCloseTo(0.6f, within(1e-5f));
    }

    @Test
    void aSavedSetLoadsBackIntoAnotherNetworkOfTheSameShapeAndRefusesAnother(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws java.io.IOException {
        SentimentNet trained = new SentimentNet(new SentimentConfig(CellType.GRU, 10, 4, 3, true, 0f, 1));
        SentimentNet fresh = new SentimentNet(new SentimentConfig(CellType.GRU, 10, 4, 3, true, 0f, 2));
        java.nio.file.Path file = dir.resolve("encoder.params");

        new ParamSet(trained.encoderParams()).save(file);
        new ParamSet(fresh.encoderParams()).load(file);

        for (int i = 0; i < trained.encoderParams().size(); i++) {
            assertThat(fresh.encoderParams().get(i).value()).containsExactly(trained.encoderParams().get(i).value());
        }
        SentimentNet other = new SentimentNet(new SentimentConfig(CellType.LSTM, 10, 4, 3, true, 0f, 1));
        assertThatThrownBy(() -> new ParamSet(other.encoderParams()).load(file))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("rnn.W");
    }

    @Test
    void restoringASnapshotBringsBackTheOldWeights() {
        SentimentNet net = new SentimentNet(new SentimentConfig(CellType.LSTM, 10, 4, 3, 0f, 1));
        ParamSet set = new ParamSet(net.params());
        List<float[]> saved = set.snapshot();
        set.get("rnn.W").value()[0] += 1f;
        set.restore(saved);
        assertThat(set.get("rnn.W").value()).isEqualTo(saved.get(1));
        assertThat(set.list()).extracting(Param::name)
                .containsExactly("embedding", "rnn.W", "rnn.R", "rnn.B", "dense.W", "dense.b");
        assertThat(set.count()).isEqualTo(10 * 4 + 12 * 4 + 12 * 3 + 24 + 6 + 1);
    }

    @Test
    void duplicateOrUnknownNamesAreRejected() {
        Param a = new Param("a", false, 1);
        assertThatThrownBy(() -> new ParamSet(List.of(a, new Param("a", false, 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParamSet(List.of(a)).get("b")).hasMessageContaining("no parameter b");
    }
}
