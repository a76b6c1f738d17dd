package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SIMD matrix products and activations: correct on awkward shapes, and vector and scalar paths agree bit for bit. */
class KernelsTest {

    private final SplittableRandom random = new SplittableRandom(12);

    @Test
    void matrixProductsMatchNaiveSumsOnShapesThatAreNotMultiplesOfTheVectorWidth() {
        int[][] shapes = {{1, 1, 1}, {5, 19, 7}, {9, 50, 13}, {8, 16, 5}, {70, 27, 300}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[] a = GradCheck.randomArray(m * k, random, 1);
            float[] b = GradCheck.randomArray(k * n, random, 1);
            float[] c = GradCheck.randomArray(m * n, random, 1);
            float[] aT = new float[k * m];
            VectorMath.transpose(a, m, k, aT);
            float[] viaNn = c.clone();
            float[] viaTn = c.clone();
            Gemm.multiply(a, 0, k, b, 0, n, viaNn, 0, n, m, n, k);
            Gemm.multiplyTransA(aT, 0, m, b, 0, n, viaTn, 0, n, m, n, k);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double expected = c[i * n + j];
                    for (int p = 0; p < k; p++) {
                        expected += (double) a[i * k + p] * b[p * n + j];
                    }
                    assertThat((double) viaNn[i * n + j]).isCloseTo(expected, within(1e-4));
                }
            }
            assertThat(viaTn).isEqualTo(viaNn);
        }
    }

    @Test
    void activationsAreAccurateAndIdenticalInVectorAndScalarForm() {
        float[] x = new float[4001];
        for (int i = 0; i < x.length; i++) {
            x[i] = -40f + i * 0.02f;
        }
        float[] sig = x.clone();
        float[] tanh = x.clone();
        Activations.sigmoid(sig, 0, sig.length);
        Activations.tanh(tanh, 0, tanh.length);
        for (int i = 0; i < x.length; i++) {
            assertThat((double) sig[i]).isCloseTo(1 / (1 + Math.exp(-x[i])), within(2e-7));
            assertThat((double) tanh[i]).isCloseTo(Math.tanh(x[i]), within(2e-7));
            assertThat(sig[i]).isEqualTo(Activations.sigmoid(x[i]));
            assertThat(tanh[i]).isEqualTo(Activations.tanh(x[i]));
        }
        assertThat(Activations.sigmoid(-1000f)).isBetween(0f, 1e-37f);
        assertThat(Activations.sigmoid(1000f)).isEqualTo(1f);
        assertThat(Activations.tanh(-1000f)).isEqualTo(-1f);
    }
}
