package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OcclusionTest {

    @Test
    void eachVariantLeavesOutOnePositionAndKeepsTheOrder() {
        int[][] variants = Occlusion.variants(new int[] {5, 6, 7, 6});

        assertThat(variants).isDeepEqualTo(new int[][] {{6, 7, 6}, {5, 7, 6}, {5, 6, 6}, {5, 6, 7}});
    }

    @Test
    void aOneTokenTextsVariantIsWhatTheModelReadsForAnEmptyText() {
        assertThat(Occlusion.variants(new int[] {9})).isDeepEqualTo(
                new int[][] {new EncodedText(new int[0], 0, false).modelIds()});
    }

    @Test
    void aWeightIsTheScoreLostWithoutTheToken() {
        assertThat(Occlusion.weights(0.8f, new float[] {0.5f, 0.9f, 0.8f})).containsExactly(
                new float[] {0.3f, -0.1f, 0f}, org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void anEmptyInputHasNoVariants() {
        assertThatThrownBy(() -> Occlusion.variants(new int[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
