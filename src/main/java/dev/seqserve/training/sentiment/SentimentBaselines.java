package dev.seqserve.training.sentiment;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.data.Review;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classical baseline every sentiment model is measured against: NB-LR on word uni-, bi- and trigrams, its
 * regularisation chosen on the dev reviews like the networks' epochs, from the same tokens the networks read.
 */
final class SentimentBaselines {

    /** The regularisation strengths tried, in order; liblinear's C. */
    static final List<Double> C_GRID = List.of(0.03, 0.1, 0.3);
    static final int MAX_N = 3;

    /**
     * The chosen baseline and what choosing it measured.
     *
     * @param baseline the manifest's entry: the best C's dev accuracy
     * @param accuracyByC dev accuracy of every C tried
     * @param features distinct train n-grams
     * @param seconds wall-clock time of the whole search
     */
    record Outcome(Manifest.Baseline baseline, Map<Double, Double> accuracyByC, int features, double seconds) {}

    private SentimentBaselines() {}

    static Outcome nbLr(List<Review> train, List<Review> dev, String devName, PrintStream out) {
        long start = System.nanoTime();
        List<String> trainTexts = train.stream().map(Review::text).toList();
        List<String> devTexts = dev.stream().map(Review::text).toList();
        boolean[] positive = new boolean[train.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = train.get(i).positive();
        }
        Map<Double, Double> accuracyByC = new LinkedHashMap<>();
        int features = 0;
        double best = -1;
        double bestC = Double.NaN;
        for (double c : C_GRID) {
            NbLogisticRegression model = new NbLogisticRegression(SentimentTraining.tokenizer(), MAX_N)
                    .fit(trainTexts, positive, c);
            features = model.features();
            double accuracy = accuracy(model.predict(devTexts), dev);
            accuracyByC.put(c, accuracy);
            out.printf(Locale.ROOT, "baseline NB-LR (1-%d-grams, C %s): dev accuracy %.4f (%d features, %.0f s so far)%n",
                    MAX_N, c, accuracy, features, (System.nanoTime() - start) / 1e9);
            if (accuracy > best) {
                best = accuracy;
                bestC = c;
            }
        }
        Manifest.Baseline baseline = new Manifest.Baseline("nb-lr", "accuracy", best, devName, String.format(Locale.ROOT,
                "Naive-Bayes-weighted logistic regression (Wang & Manning 2012) on binarised word 1- to %d-grams of "
                        + "the train reviews, liblinear L2 logistic regression, C %s chosen on dev from %s",
                MAX_N, bestC, C_GRID));
        return new Outcome(baseline, accuracyByC, features, (System.nanoTime() - start) / 1e9);
    }

    private static double accuracy(float[] probabilities, List<Review> reviews) {
        int correct = 0;
        for (int i = 0; i < probabilities.length; i++) {
            correct += (probabilities[i] >= 0.5f) == reviews.get(i).positive() ? 1 : 0;
        }
        return (double) correct / probabilities.length;
    }
}
