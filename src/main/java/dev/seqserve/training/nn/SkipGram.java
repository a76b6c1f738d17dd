package dev.seqserve.training.nn;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Word vectors by skip-gram with negative sampling (Mikolov et al. 2013, the {@code word2vec} recipe): each
 * word's input vector learns to tell the words around it (a window drawn per position) from words drawn from
 * the unigram distribution raised to 3/4, with frequent words subsampled and a linearly decaying learning
 * rate. Single-threaded, so a seed repeats a run bit for bit.
 *
 * <p>Ids 0 and 1 (padding and out-of-vocabulary) are never trained: they neither predict nor are predicted, and
 * the OOV token breaks a window like a sentence end.
 */
public final class SkipGram {

    /**
     * The recipe's settings.
     *
     * @param dim vector width
     * @param window the largest distance to a context word; each position draws its own in [1, window]
     * @param negatives noise words per pair
     * @param subsample the frequency threshold t of the subsampling, discard probability 1 − √(t / f)
     * @param learningRate the starting rate, decayed linearly to 1e-4 of itself
     * @param epochs passes over the corpus
     * @param seed fixes the initial vectors and every draw
     */
    public record Settings(int dim, int window, int negatives, double subsample, double learningRate, int epochs,
            long seed) {

        public Settings {
            if (dim < 1 || window < 1 || negatives < 1 || epochs < 1 || !(learningRate > 0) || !(subsample > 0)) {
                throw new IllegalArgumentException("dim, window, negatives, epochs >= 1 and positive rates required");
            }
        }
    }

    private static final int FIRST_WORD = 2;
    private static final int NOISE_TABLE = 1 << 24;

    private final Settings settings;
    private final int vocab;
    private final float[] in;
    private final float[] out;
    private final int[] noise = new int[NOISE_TABLE];
    private final float[] keep;
    private final SplittableRandom random;

    /**
     * @param counts occurrences of each id in the corpus (ids 0 and 1 are ignored)
     */
    public SkipGram(Settings settings, long[] counts) {
        this.settings = settings;
        this.vocab = counts.length;
        this.random = new SplittableRandom(settings.seed());
        int d = settings.dim();
        this.in = new float[vocab * d];
        this.out = new float[vocab * d];
        for (int i = FIRST_WORD * d; i < in.length; i++) {
            in[i] = (float) ((random.nextDouble() - 0.5) / d);
        }
        long total = 0;
        double norm = 0;
        for (int id = FIRST_WORD; id < vocab; id++) {
            total += counts[id];
            norm += Math.pow(counts[id], 0.75);
        }
        if (total == 0) {
            throw new IllegalArgumentException("the corpus has no in-vocabulary words");
        }
        int slot = 0;
        double cumulative = 0;
        for (int id = FIRST_WORD; id < vocab && slot < NOISE_TABLE; id++) {
            cumulative += Math.pow(counts[id], 0.75) / norm;
            while (slot < NOISE_TABLE && slot < cumulative * NOISE_TABLE) {
                noise[slot++] = id;
            }
        }
        while (slot < NOISE_TABLE) {
            noise[slot++] = vocab - 1;
        }
        this.keep = new float[vocab];
        for (int id = FIRST_WORD; id < vocab; id++) {
            double f = (double) counts[id] / total;
            keep[id] = (float) Math.min(1.0, Math.sqrt(settings.subsample() / f) + settings.subsample() / f);
        }
    }

    /**
     * Trains on the corpus.
     *
     * @param corpus one id array per document, in a fixed order
     * @param progress receives the number of words processed after each document
     * @return the mean logistic loss of the last epoch's pairs
     */
    public double train(int[][] corpus, LongConsumer progress) {
        long words = 0;
        for (int[] doc : corpus) {
            words += doc.length;
        }
        long planned = words * settings.epochs();
        long done = 0;
        double lossSum = 0;
        long pairs = 0;
        int[] kept = new int[0];
        float[] grad = new float[settings.dim()];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            lossSum = 0;
            pairs = 0;
            for (int[] doc : corpus) {
                if (kept.length < doc.length) {
                    kept = new int[doc.length];
                }
                int n = 0;
                for (int id : doc) {
                    if (id < FIRST_WORD) {
                        kept[n++] = -1;
                    } else if (random.nextFloat() < keep[id]) {
                        kept[n++] = id;
                    }
                }
                float rate = (float) (settings.learningRate() * Math.max(1e-4, 1.0 - (double) done / planned));
                for (int pos = 0; pos < n; pos++) {
                    int center = kept[pos];
                    if (center < 0) {
                        continue;
                    }
                    int reach = 1 + random.nextInt(settings.window());
                    for (int c = Math.max(0, pos - reach); c <= Math.min(n - 1, pos + reach); c++) {
                        if (c == pos || kept[c] < 0 || brokenBetween(kept, pos, c)) {
                            continue;
                        }
                        lossSum += pair(kept[c], center, rate, grad);
                        pairs++;
                    }
                }
                done += doc.length;
                progress.accept(done);
            }
        }
        return pairs == 0 ? Double.NaN : lossSum / pairs;
    }

    /** Whether an out-of-vocabulary token lies between two positions (it ends the window there). */
    private static boolean brokenBetween(int[] kept, int a, int b) {
        for (int i = Math.min(a, b) + 1; i < Math.max(a, b); i++) {
            if (kept[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** One positive pair and its noise words: word2vec's update of the context's input vector. */
    private double pair(int context, int target, float rate, float[] grad) {
        int d = settings.dim();
        int ci = context * d;
        java.util.Arrays.fill(grad, 0f);
        double loss = 0;
        for (int k = 0; k <= settings.negatives(); k++) {
            int word = k == 0 ? target : noise[random.nextInt(NOISE_TABLE)];
            if (k > 0 && word == target) {
                continue;
            }
            float label = k == 0 ? 1f : 0f;
            int wi = word * d;
            float score = VectorMath.dot(in, ci, out, wi, d);
            float p = Losses.sigmoid(score);
            loss += label > 0 ? -Math.log(Math.max(p, 1e-7f)) : -Math.log(Math.max(1 - p, 1e-7f));
            float g = (label - p) * rate;
            VectorMath.axpy(g, out, wi, grad, 0, d);
            VectorMath.axpy(g, in, ci, out, wi, d);
        }
        VectorMath.add(grad, 0, in, ci, d);
        return loss;
    }

    /** The input vectors [V × dim], row per id; rows 0 and 1 are zero. */
    public float[] vectors() {
        return in.clone();
    }
}
