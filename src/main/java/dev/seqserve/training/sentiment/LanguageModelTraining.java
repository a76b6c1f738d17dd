package dev.seqserve.training.sentiment;

import dev.seqserve.preprocess.TextEncoder;
import dev.seqserve.training.nn.Adam;
import dev.seqserve.training.nn.Param;
import dev.seqserve.training.nn.ParamSet;
import dev.seqserve.training.nn.SampledSoftmax;
import dev.seqserve.training.nn.SentimentNet;
import dev.seqserve.training.report.ProgressBar;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Pretrains a sentiment network's embedding and recurrent layers as a language model on unlabelled text
 * (Dai and Le 2015): the forward layer predicts each next token, the backward layer each previous one, through a
 * sampled softmax that is thrown away afterwards. Texts are cut into pieces of at most {@code maxLength}
 * tokens; out-of-vocabulary tokens are read but never predicted.
 */
final class LanguageModelTraining {

    /**
     * The pretraining run's settings.
     *
     * @param epochs passes over the texts; 0 turns language-model pretraining off
     * @param batchSize pieces per batch
     * @param learningRate Adam's step size
     * @param samples noise words per batch of the sampled softmax
     * @param maxLength the longest piece, in tokens
     * @param checkpoints when set, the encoder's weights after each epoch go to {@code <checkpoints>-epoch<N>.params}
     *     (an experiment aid: fine-tuning variants can start from them with {@code resume})
     * @param resume when set, a checkpoint to start fine-tuning from instead of pretraining
     */
    record Settings(int epochs, int batchSize, double learningRate, int samples, int maxLength,
            java.nio.file.Path checkpoints, java.nio.file.Path resume) {

        /** Settings without checkpoints. */
        Settings(int epochs, int batchSize, double learningRate, int samples, int maxLength) {
            this(epochs, batchSize, learningRate, samples, maxLength, null, null);
        }
    }

    /** What each epoch did: its mean loss per predicted token and its seconds. */
    record Epoch(int number, double loss, double seconds) {}

    private final Settings settings;
    private final PrintStream out;

    LanguageModelTraining(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    List<Epoch> pretrain(SentimentNet net, TextEncoder encoder, List<String> texts, double clipNorm, long seed) {
        int[][] pieces = pieces(encoder, texts);
        long[] counts = new long[encoder.vocabulary().size()];
        long tokens = 0;
        for (int[] piece : pieces) {
            for (int id : piece) {
                counts[id]++;
            }
            tokens += piece.length;
        }
        SampledSoftmax head = new SampledSoftmax(counts, net.config().hidden(), settings.samples(),
                new SplittableRandom(seed ^ 0x5eed));
        List<Param> trained = new ArrayList<>(net.encoderParams());
        trained.addAll(head.params());
        ParamSet params = new ParamSet(trained);
        Adam adam = new Adam(trained, (float) settings.learningRate());
        Random order = new Random(seed);
        SplittableRandom noise = new SplittableRandom(seed + 1);
        int[] lengths = Arrays.stream(pieces).mapToInt(p -> p.length).toArray();
        out.printf(Locale.ROOT, "language-model pretraining: %d pieces of at most %d tokens (%d tokens), %d epochs%n",
                pieces.length, settings.maxLength(), tokens, settings.epochs());
        List<Epoch> epochs = new ArrayList<>();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long start = System.nanoTime();
            ProgressBar bar = new ProgressBar(out, "pretrain LM epoch " + epoch + "/" + settings.epochs(), tokens);
            double lossSum = 0;
            long predicted = 0;
            long seen = 0;
            for (int[] batch : Batches.byLength(lengths, settings.batchSize(), order)) {
                int[][] chosen = SentimentTraining.select(pieces, batch);
                params.zeroGrad();
                double loss = net.languageModelLossAndGradients(chosen, head, noise);
                params.clipGradNorm(clipNorm);
                adam.step();
                long batchTokens = 0;
                for (int[] piece : chosen) {
                    batchTokens += piece.length;
                }
                seen += batchTokens;
                if (!Double.isNaN(loss)) {
                    lossSum += loss * batchTokens;
                    predicted += batchTokens;
                }
                bar.update(seen, String.format(Locale.ROOT, "loss %.3f", lossSum / predicted));
            }
            bar.finish();
            Epoch e = new Epoch(epoch, lossSum / predicted, (System.nanoTime() - start) / 1e9);
            epochs.add(e);
            out.printf(Locale.ROOT, "LM epoch %d/%d  loss %.4f per token (sampled softmax)  %.1f s%n", epoch,
                    settings.epochs(), e.loss(), e.seconds());
            if (settings.checkpoints() != null) {
                java.nio.file.Path file = java.nio.file.Path.of(settings.checkpoints() + "-epoch" + epoch + ".params");
                try {
                    new ParamSet(net.encoderParams()).save(file);
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
                out.println("checkpoint " + file);
            }
        }
        return epochs;
    }

    /** Every text's ids, cut into consecutive pieces of at most {@code maxLength}; pieces of one token dropped. */
    private int[][] pieces(TextEncoder encoder, List<String> texts) {
        List<int[]> pieces = new ArrayList<>();
        TextEncoder whole = new TextEncoder(encoder.tokenizer(), encoder.vocabulary(), Integer.MAX_VALUE,
                encoder.truncation());
        for (String text : texts) {
            int[] ids = whole.encode(text).ids();
            for (int from = 0; from < ids.length; from += settings.maxLength()) {
                int to = Math.min(ids.length, from + settings.maxLength());
                if (to - from >= 2) {
                    pieces.add(Arrays.copyOfRange(ids, from, to));
                }
            }
        }
        return pieces.toArray(int[][]::new);
    }
}
