package dev.seqserve.training.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Projecting each distinct token once gives the outputs and gradients of projecting every occurrence. */
class DistinctTokenProjectionTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void distinctTokenPathMatchesTheRowByRowPath(CellType cell) {
        SplittableRandom random = new SplittableRandom(14);
        Embedding embedding = new Embedding("embedding", 6, 5, random);
        RecurrentLayer layer = new RecurrentLayer("rnn", cell, 5, 7, random);
        layer.prepare();
        int[][] tokens = {{1, 2, 1, 3, 1}, {2, 2}, {5, 1, 4}};
        ShardPlan plan = ShardPlan.of(new int[] {5, 2, 3}, 1);
        Packing p = plan.packings[0];
        TokenIndex index = new TokenIndex();
        index.build(tokens, plan.members[0], p, 6);
        float[] distinct = new float[index.count * 5];
        embedding.gather(index.ids, index.count, distinct);
        float[] rows = new float[p.rows() * 5];
        for (int r = 0; r < p.rows(); r++) {
            System.arraycopy(distinct, index.slots[r] * 5, rows, r * 5, 5);
        }

        RnnCache viaDistinct = new RnnCache();
        RnnCache viaRows = new RnnCache();
        layer.forward(p, distinct, index.count, index.slots, viaDistinct);
        layer.forward(p, rows, viaRows);
        assertThat(Arrays.copyOf(viaDistinct.h, p.rows() * 7)).isEqualTo(Arrays.copyOf(viaRows.h, p.rows() * 7));

        float[] dh = GradCheck.randomArray(p.rows() * 7, random, 1);
        ShardGrads gradsDistinct = new ShardGrads(layer.params());
        ShardGrads gradsRows = new ShardGrads(layer.params());
        float[] dxDistinct = new float[index.count * 5];
        float[] dxRows = new float[p.rows() * 5];
        layer.backward(p, viaDistinct, dh, dxDistinct, gradsDistinct);
        layer.backward(p, viaRows, dh, dxRows, gradsRows);

        float[] summed = new float[index.count * 5];
        for (int r = 0; r < p.rows(); r++) {
            VectorMath.add(dxRows, r * 5, summed, index.slots[r] * 5, 5);
        }
        assertThat(dxDistinct).containsExactly(summed, within(1e-5f));
        assertThat(gradsDistinct.of(layer.w)).containsExactly(gradsRows.of(layer.w), within(1e-5f));
        assertThat(gradsDistinct.of(layer.r)).isEqualTo(gradsRows.of(layer.r));
        assertThat(gradsDistinct.of(layer.b)).isEqualTo(gradsRows.of(layer.b));
    }
}
