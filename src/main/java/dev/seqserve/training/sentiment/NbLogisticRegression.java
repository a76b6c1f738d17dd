package dev.seqserve.training.sentiment;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.seqserve.preprocess.Tokenizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The NB-LR baseline of Wang and Manning (2012): binarised word n-grams (uni- to {@code maxN}-grams), each
 * scaled by its naive-Bayes log-count ratio {@code r = log((p/|p|₁) / (q/|q|₁))} with {@code p, q = α + the
 * positive and negative reviews' counts}, then an L2-regularised logistic regression solved by liblinear.
 * The n-gram index and the ratios come from the train reviews only.
 */
final class NbLogisticRegression {

    /** The naive-Bayes smoothing count α. */
    static final double ALPHA = 1.0;
    private static final int WORD_BITS = 20;

    private final Tokenizer tokenizer;
    private final int maxN;
    private final Map<String, Integer> words = new HashMap<>();
    private long[] ngrams = new long[0];
    private double[] ratios = new double[0];
    private Model model;

    /**
     * @param tokenizer the same tokenizer as the networks', so both read the same words
     * @param maxN the longest n-gram, 1 to 3
     */
    NbLogisticRegression(Tokenizer tokenizer, int maxN) {
        if (maxN < 1 || maxN > 3) {
            throw new IllegalArgumentException("n-grams of 1 to 3 words, not " + maxN);
        }
        this.tokenizer = tokenizer;
        this.maxN = maxN;
    }

    /**
     * Fits the n-gram index, the ratios and the regression.
     *
     * @param texts the train reviews
     * @param positive whether each is positive
     * @param c liblinear's inverse regularisation strength
     * @return this model
     */
    NbLogisticRegression fit(List<String> texts, boolean[] positive, double c) {
        long[][] docs = new long[texts.size()][];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = keys(texts.get(i), true);
        }
        ngrams = Arrays.stream(docs).flatMapToLong(Arrays::stream).sorted().distinct().toArray();
        double[] p = new double[ngrams.length];
        double[] q = new double[ngrams.length];
        Arrays.fill(p, ALPHA);
        Arrays.fill(q, ALPHA);
        int[][] indices = new int[docs.length][];
        for (int i = 0; i < docs.length; i++) {
            indices[i] = indexOf(docs[i]);
            double[] counts = positive[i] ? p : q;
            for (int j : indices[i]) {
                counts[j]++;
            }
        }
        double pSum = Arrays.stream(p).sum();
        double qSum = Arrays.stream(q).sum();
        ratios = new double[ngrams.length];
        for (int j = 0; j < ratios.length; j++) {
            ratios[j] = Math.log((p[j] / pSum) / (q[j] / qSum));
        }
        Problem problem = new Problem();
        problem.l = docs.length;
        problem.n = ngrams.length + 1;
        problem.bias = 1.0;
        problem.x = new Feature[docs.length][];
        problem.y = new double[docs.length];
        for (int i = 0; i < docs.length; i++) {
            problem.x[i] = features(indices[i]);
            problem.y[i] = positive[i] ? 1 : 0;
        }
        Linear.disableDebugOutput();
        Linear.resetRandom();
        model = Linear.train(problem, new Parameter(SolverType.L2R_LR, c, 0.001));
        return this;
    }

    /** The number of distinct train n-grams, the regression's features. */
    int features() {
        return ngrams.length;
    }

    /** Probabilities of the positive class. */
    float[] predict(List<String> texts) {
        if (model == null) {
            throw new IllegalStateException("fit first");
        }
        int positiveColumn = model.getLabels()[0] == 1 ? 0 : 1;
        float[] out = new float[texts.size()];
        double[] probabilities = new double[2];
        for (int i = 0; i < out.length; i++) {
            Linear.predictProbability(model, features(indexOf(keys(texts.get(i), false))), probabilities);
            out[i] = (float) probabilities[positiveColumn];
        }
        return out;
    }

    /** Sorted distinct n-gram keys of a text; unseen words get ids only while fitting. */
    private long[] keys(String text, boolean fitting) {
        List<String> tokens = tokenizer.tokenize(text);
        int[] ids = new int[tokens.size()];
        for (int t = 0; t < ids.length; t++) {
            Integer id = fitting ? words.computeIfAbsent(tokens.get(t), k -> words.size() + 1) : words.get(tokens.get(t));
            ids[t] = id == null ? 0 : id;
            if (ids[t] >= 1 << WORD_BITS) {
                throw new IllegalStateException("more than " + ((1 << WORD_BITS) - 1) + " distinct train words");
            }
        }
        long[] keys = new long[ids.length * maxN];
        int count = 0;
        for (int t = 0; t < ids.length; t++) {
            long key = 0;
            for (int n = 1; n <= maxN && t + n <= ids.length; n++) {
                int id = ids[t + n - 1];
                if (id == 0) {
                    break;
                }
                // 20 bits per word, the length above them: uni-, bi- and trigrams never collide.
                key = (key << WORD_BITS) | id;
                keys[count++] = key | ((long) n << 3 * WORD_BITS);
            }
        }
        return Arrays.stream(keys, 0, count).sorted().distinct().toArray();
    }

    private int[] indexOf(long[] keys) {
        int[] out = new int[keys.length];
        int count = 0;
        for (long key : keys) {
            int j = Arrays.binarySearch(ngrams, key);
            if (j >= 0) {
                out[count++] = j;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Ascending 1-based liblinear features: each present n-gram's ratio. */
    private Feature[] features(int[] sortedIndices) {
        Feature[] x = new Feature[sortedIndices.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = new FeatureNode(sortedIndices[k] + 1, ratios[sortedIndices[k]]);
        }
        return x;
    }
}
