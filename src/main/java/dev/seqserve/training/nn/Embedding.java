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

    /** Writes the vectors of {@code tokens[members[q]]} into packed rows [rows × E]; ids are checked by the caller. */
    void gather(int[][] tokens, int[] members, Packing p, float[] out) {
        float[] w = table.value();
        for (int q = 0; q < members.length; q++) {
            int[] seq = tokens[members[q]];
            for (int t = 0; t < seq.length; t++) {
                System.arraycopy(w, seq[t] * dim, out, p.row(t, q) * dim, dim);
            }
        }
    }

    /** Adds packed input gradients [rows × E] into the rows of the table they came from. */
    void scatter(int[][] tokens, int[] members, Packing p, float[] dx) {
        float[] grad = table.grad();
        for (int q = 0; q < members.length; q++) {
            int[] seq = tokens[members[q]];
            for (int t = 0; t < seq.length; t++) {
                int id = seq[t];
                table.touchRow(id);
                VectorMath.add(dx, p.row(t, q) * dim, grad, id * dim, dim);
            }
        }
    }
}
