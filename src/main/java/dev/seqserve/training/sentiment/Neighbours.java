package dev.seqserve.training.sentiment;

import dev.seqserve.preprocess.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Nearest neighbours of a word by cosine similarity of its vector: the pretraining report's sanity check. */
final class Neighbours {

    private Neighbours() {}

    static List<String> of(WordVectors vectors, String word, int k) {
        Vocabulary vocabulary = vectors.vocabulary();
        int id = vocabulary.id(word);
        if (id == Vocabulary.OOV_ID) {
            return List.of("(not in the vocabulary)");
        }
        int d = vectors.description().dim();
        float[] v = vectors.vectors();
        double[] norms = new double[vocabulary.size()];
        for (int i = 0; i < norms.length; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += (double) v[i * d + j] * v[i * d + j];
            }
            norms[i] = Math.sqrt(sum);
        }
        double[] cosine = new double[norms.length];
        for (int i = 2; i < norms.length; i++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += (double) v[i * d + j] * v[id * d + j];
            }
            cosine[i] = norms[i] == 0 ? -1 : dot / (norms[i] * norms[id]);
        }
        List<String> nearest = new ArrayList<>();
        IntStream.range(2, norms.length).filter(i -> i != id).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -cosine[i]).thenComparingInt(i -> i))
                .limit(k)
                .forEach(i -> nearest.add(String.format(java.util.Locale.ROOT, "%s %.2f", vocabulary.tokens().get(i), cosine[i])));
        return nearest;
    }
}
