package dev.seqserve.training.nn;

import java.util.SplittableRandom;

/** A token-embedding table [V × E] whose row 0 is the padding token; it is ONNX's {@code Gather} data input. */
final class Embedding {

    final Param table;
    final int vocab;
    final int dim;

    Embedding(String name, int vocab, int dim, SplittableRandom random) {
        this.vocab = vocab;
        this.dim = dim;
        this.table = new Param(name, true, vocab, dim);
        Init.uniform(table.value(), dim, (vocab - 1) * dim, 0.05, random);
    }

    /** Writes the vectors of {@code ids[0..count)} into rows [count × E]; ids are checked by the caller. */
    void gather(int[] ids, int count, float[] out) {
        float[] w = table.value();
        for (int i = 0; i < count; i++) {
            System.arraycopy(w, ids[i] * dim, out, i * dim, dim);
        }
    }

    /** Adds row i of {@code dx} [count × E] into the table's gradient row {@code ids[i]}. */
    void scatter(int[] ids, int count, float[] dx) {
        float[] grad = table.grad();
        for (int i = 0; i < count; i++) {
            table.touchRow(ids[i]);
            VectorMath.add(dx, i * dim, grad, ids[i] * dim, dim);
        }
    }
}
