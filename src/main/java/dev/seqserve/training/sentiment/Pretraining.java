package dev.seqserve.training.sentiment;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.EncodedText;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.preprocess.Tokenizer;
import dev.seqserve.preprocess.Vocabulary;
import dev.seqserve.training.data.DataFiles;
import dev.seqserve.training.data.ReviewSet;
import dev.seqserve.training.data.TextSet;
import dev.seqserve.training.nn.SkipGram;
import dev.seqserve.training.report.MarkdownTable;
import dev.seqserve.training.report.ProgressBar;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns the shared word vectors: a vocabulary of the most frequent tokens of the train and unlabelled
 * reviews (never the dev reviews), then skip-gram over both, written as a {@link WordVectors} folder.
 */
final class Pretraining {

    static final int DEFAULT_VOCABULARY = 30_000;
    static final int DEFAULT_DIM = 128;

    /** The run's settings. */
    record Settings(int vocabularySize, SkipGram.Settings skipGram) {}

    /** The texts pretraining reads: the train reviews (labels unused) and the unlabelled ones. */
    record Corpus(ReviewSet train, Path trainPath, TextSet unlabelled, Path unlabelledPath) {

        List<String> texts() {
            List<String> all = new ArrayList<>(train.texts());
            all.addAll(unlabelled.texts());
            return all;
        }

        List<Manifest.DataFile> describe() {
            return List.of(DataFiles.describe(trainPath, train.sha256(), "train"),
                    DataFiles.describe(unlabelledPath, unlabelled.sha256(), "unlabelled"));
        }
    }

    private final Settings settings;
    private final PrintStream out;

    Pretraining(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    WordVectors run(Corpus corpus, Path folder) throws IOException {
        long start = System.nanoTime();
        Tokenizer tokenizer = SentimentTraining.tokenizer();
        List<String> texts = corpus.texts();
        Vocabulary vocabulary = Vocabulary.fit(texts, tokenizer, settings.vocabularySize());
        // Whole reviews: the vectors learn from every word, whatever length a model later reads.
        TextEncoder encoder = new TextEncoder(tokenizer, vocabulary, Integer.MAX_VALUE, Manifest.Truncation.HEAD);
        int[][] ids = new int[texts.size()][];
        long[] counts = new long[vocabulary.size()];
        long tokens = 0;
        for (int i = 0; i < ids.length; i++) {
            EncodedText encoded = encoder.encode(texts.get(i));
            ids[i] = encoded.ids();
            for (int id : ids[i]) {
                counts[id]++;
            }
            tokens += ids[i].length;
        }
        SkipGram.Settings s = settings.skipGram();
        out.printf(Locale.ROOT, "pretraining word vectors: %d texts (%d train, %d unlabelled), %d tokens, vocabulary %d, "
                        + "dim %d, %d epochs%n", texts.size(), corpus.train().reviews().size(),
                corpus.unlabelled().texts().size(), tokens, vocabulary.size(), s.dim(), s.epochs());
        SkipGram skipGram = new SkipGram(s, counts);
        ProgressBar bar = new ProgressBar(out, "pretrain word vectors", tokens * s.epochs());
        double loss = skipGram.train(ids, done -> bar.update(done, ""));
        bar.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "word vectors: last-epoch pair loss %.4f, %.1f s%n", loss, seconds);

        WordVectors vectors = new WordVectors(new WordVectors.Description(folder.getFileName().toString(),
                "skip-gram with negative sampling (word2vec)", s.dim(), vocabulary.size(), WordVectors.flags(tokenizer),
                describe(s), corpus.describe(), List.of(), loss), vocabulary, skipGram.vectors());
        WordVectors.Run run = new WordVectors.Run(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seconds);
        Path description = vectors.write(folder, run);
        writeReport(folder, WordVectors.read(folder), run, tokens);
        out.println("wrote " + description);
        return vectors;
    }

    private Map<String, String> describe(SkipGram.Settings s) {
        Map<String, String> m = new TreeMap<>();
        m.put("vocabulary_size", Integer.toString(settings.vocabularySize()));
        m.put("dim", Integer.toString(s.dim()));
        m.put("window", Integer.toString(s.window()));
        m.put("negatives", Integer.toString(s.negatives()));
        m.put("subsample", Double.toString(s.subsample()));
        m.put("learning_rate", Double.toString(s.learningRate()));
        m.put("epochs", Integer.toString(s.epochs()));
        m.put("seed", Long.toString(s.seed()));
        return m;
    }

    private static void writeReport(Path folder, WordVectors vectors, WordVectors.Run run, long tokens) throws IOException {
        WordVectors.Description d = vectors.description();
        MarkdownTable settings = new MarkdownTable("setting", "value");
        d.settings().forEach(settings::row);
        MarkdownTable data = new MarkdownTable("role", "file", "SHA-256");
        d.data().forEach(f -> data.row(f.role(), f.path(), f.sha256()));
        MarkdownTable neighbours = new MarkdownTable("word", "nearest words (cosine)");
        for (String word : List.of("great", "awful", "boring", "masterpiece", "funny", "plot")) {
            neighbours.row(word, String.join(", ", Neighbours.of(vectors, word, 6)));
        }
        String report = "# " + d.name() + "\n\n"
                + "Word vectors for both sentiment models, learnt by " + d.method() + " from the train and "
                + "unlabelled reviews (" + tokens + " tokens; the dev reviews are never read). " + d.vocabularySize()
                + " ids of width " + d.dim() + "; `<pad>` and `<oov>` rows are zero. Written " + run.created()
                + String.format(Locale.ROOT, " in %.1f s; last-epoch pair loss %.4f.%n%n", run.seconds(), d.loss())
                + "Nearest neighbours, a sanity check of what the vectors learnt:\n\n" + neighbours + "\n"
                + "## Settings\n\n" + settings + "\n## Data\n\n" + data + "\n"
                + "Reproduce: `./mvnw -q compile exec:exec -Dtrain.args=\"pretrain\"`.\n";
        Files.writeString(folder.resolve("report.md"), report);
    }
}
