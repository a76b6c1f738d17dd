package dev.seqserve.training.sentiment;

import dev.seqserve.training.run.EpochLoop;
import dev.seqserve.training.run.Phases;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.EncodedText;
import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.preprocess.Tokenizer;
import dev.seqserve.preprocess.Vocabulary;
import dev.seqserve.training.data.Review;
import dev.seqserve.training.nn.Adam;
import dev.seqserve.training.nn.CellType;
import dev.seqserve.training.nn.ParamSet;
import dev.seqserve.training.nn.SentimentConfig;
import dev.seqserve.training.nn.SentimentNet;
import dev.seqserve.training.report.ProgressBar;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Trains a review sentiment classifier: fit the vocabulary on train, train with early stopping on dev. */
final class SentimentTraining {

    /** Every setting of a sentiment run; all of them go into the manifest. */
    record Settings(
            CellType cell,
            int vocabularySize,
            int embeddingDim,
            int hidden,
            boolean bidirectional,
            int maxLength,
            Manifest.Truncation truncation,
            int batchSize,
            double learningRate,
            double learningRateDecay,
            double clipNorm,
            float dropout,
            float adversarial,
            int maxEpochs,
            int patience,
            LanguageModelTraining.Settings languageModel,
            long seed) {

        Settings {
            if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
                throw new IllegalArgumentException("the learning-rate decay must be in (0, 1], got " + learningRateDecay);
            }
        }
    }

    /** The encoded examples of one split. */
    record Encoded(int[][] ids, float[] labels, int truncated) {

        int[] lengths() {
            int[] lengths = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                lengths[i] = ids[i].length;
            }
            return lengths;
        }
    }

    /** The trained network with everything needed to export and describe it. */
    record Result(SentimentNet net, TextEncoder encoder, Encoded devSet, EpochLoop.History history, double devAccuracy,
            List<LanguageModelTraining.Epoch> languageModelEpochs) {}

    private final Settings settings;
    private final PrintStream out;

    SentimentTraining(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    static Tokenizer tokenizer() {
        return new Tokenizer(true, true, true);
    }

    /**
     * @param vectors pretrained word vectors to start the embedding from (their vocabulary replaces one fitted
     *     on the train reviews), or null for a randomly initialised embedding
     * @param unlabelled texts for language-model pretraining besides the train reviews' (empty without it)
     */
    Result train(List<Review> train, List<Review> dev, WordVectors vectors, List<String> unlabelled, Phases phases) {
        Tokenizer tokenizer = tokenizer();
        Vocabulary vocabulary;
        if (vectors != null) {
            if (!WordVectors.flags(vectors.tokenizer()).equals(WordVectors.flags(tokenizer))) {
                throw new IllegalArgumentException("the word vectors were learnt with another tokenizer: "
                        + vectors.description().tokenizer());
            }
            if (vectors.description().dim() != settings.embeddingDim()) {
                throw new IllegalArgumentException("the word vectors have width " + vectors.description().dim()
                        + " but --embedding is " + settings.embeddingDim());
            }
            vocabulary = vectors.vocabulary();
        } else {
            vocabulary = Vocabulary.fit(train.stream().map(Review::text).toList(), tokenizer, settings.vocabularySize());
        }
        TextEncoder encoder = new TextEncoder(tokenizer, vocabulary, settings.maxLength(), settings.truncation());
        Encoded trainSet = encode(encoder, train);
        Encoded devSet = encode(encoder, dev);
        out.printf(Locale.ROOT, "vocabulary %d tokens; train %d reviews (%d truncated); dev %d reviews%n",
                vocabulary.size(), train.size(), trainSet.truncated(), dev.size());

        SentimentNet net = new SentimentNet(new SentimentConfig(settings.cell(), vocabulary.size(),
                settings.embeddingDim(), settings.hidden(), settings.bidirectional(), settings.dropout(),
                settings.adversarial(), settings.seed()));
        if (vectors != null) {
            net.loadEmbedding(vectors.vectors());
        }
        List<LanguageModelTraining.Epoch> lmEpochs = List.of();
        if (settings.languageModel().resume() != null) {
            try {
                new ParamSet(net.encoderParams()).load(settings.languageModel().resume());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.println("encoder weights from " + settings.languageModel().resume() + " (no pretraining in this run)");
        } else if (settings.languageModel().epochs() > 0) {
            List<String> texts = new java.util.ArrayList<>(train.stream().map(Review::text).toList());
            texts.addAll(unlabelled);
            lmEpochs = phases.time("language-model pretraining", () -> new LanguageModelTraining(
                    settings.languageModel(), out).pretrain(net, encoder, texts, settings.clipNorm(), settings.seed()));
        }
        ParamSet params = new ParamSet(net.params());
        Adam adam = new Adam(net.params(), (float) settings.learningRate());
        Random random = new Random(settings.seed());
        int[] trainLengths = trainSet.lengths();

        EpochLoop.Task task = new EpochLoop.Task() {
            @Override
            public double trainEpoch(int epoch) {
                adam.setLearningRate((float) (settings.learningRate() * Math.pow(settings.learningRateDecay(), epoch - 1)));
                ProgressBar bar = new ProgressBar(out, "fine-tune epoch " + epoch + "/" + settings.maxEpochs(),
                        trainSet.ids().length);
                double lossSum = 0;
                long seen = 0;
                for (int[] batch : Batches.byLength(trainLengths, settings.batchSize(), random)) {
                    params.zeroGrad();
                    double loss = net.lossAndGradients(select(trainSet.ids(), batch), select(trainSet.labels(), batch));
                    params.clipGradNorm(settings.clipNorm());
                    adam.step();
                    lossSum += loss * batch.length;
                    seen += batch.length;
                    bar.update(seen, String.format(Locale.ROOT, "loss %.4f", lossSum / seen));
                }
                bar.finish();
                return lossSum / seen;
            }

            @Override
            public double evaluate() {
                return accuracy(net, devSet);
            }

            @Override
            public String metricName() {
                return "dev accuracy";
            }
        };
        EpochLoop.History history = phases.time("fine-tuning on the train reviews",
                () -> new EpochLoop(settings.maxEpochs(), settings.patience(), out).run(task, params));
        return new Result(net, encoder, devSet, history, history.best().devMetric(), lmEpochs);
    }

    static Encoded encode(TextEncoder encoder, List<Review> reviews) {
        int[][] ids = new int[reviews.size()][];
        float[] labels = new float[reviews.size()];
        int truncated = 0;
        for (int i = 0; i < ids.length; i++) {
            EncodedText encoded = encoder.encode(reviews.get(i).text());
            ids[i] = encoded.modelIds();
            labels[i] = reviews.get(i).positive() ? 1f : 0f;
            truncated += encoded.truncated() ? 1 : 0;
        }
        return new Encoded(ids, labels, truncated);
    }

    static double accuracy(SentimentNet net, Encoded set) {
        return accuracy(net::predict, set);
    }

    /** Accuracy of any scorer of token-id batches, fed length-sorted chunks so padding stays small. */
    static <E extends Exception> double accuracy(Scorer<E> scorer, Encoded set) throws E {
        int correct = 0;
        for (int[] chunk : Batches.sortedChunks(set.lengths(), 256)) {
            float[] p = scorer.score(select(set.ids(), chunk));
            for (int i = 0; i < chunk.length; i++) {
                correct += (p[i] >= 0.5f) == (set.labels()[chunk[i]] >= 0.5f) ? 1 : 0;
            }
        }
        return (double) correct / set.ids().length;
    }

    /** Probabilities of the positive class for a batch of token ids: the trainer's network or an ONNX file. */
    @FunctionalInterface
    interface Scorer<E extends Exception> {
        float[] score(int[][] tokens) throws E;
    }

    static int[][] select(int[][] rows, int[] indices) {
        int[][] out = new int[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = rows[indices[i]];
        }
        return out;
    }

    static float[] select(float[] values, int[] indices) {
        float[] out = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }
}
