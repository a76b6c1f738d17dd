package dev.seqserve.training.sentiment;

import dev.seqserve.training.data.AclImdbReader;
import dev.seqserve.training.data.ReviewCsvReader;
import dev.seqserve.training.data.UnlabelledCsvReader;
import dev.seqserve.training.nn.SkipGram;
import dev.seqserve.training.run.RunOptions;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code train pretrain}: which texts, and the skip-gram recipe. */
final class PretrainOptions {

    @Option(names = "--train", paramLabel = "FILE", description = "Train reviews, CSV or .csv.gz (default: DATA/imdb/train.csv.gz).")
    private Path trainFile;

    @Option(names = "--unsup", paramLabel = "FILE", description = "Unlabelled reviews, id,text CSV (default: DATA/imdb/unsup.csv.gz).")
    private Path unsupFile;

    @Option(names = "--aclimdb", paramLabel = "DIR", description = "The original aclImdb/ layout instead: train/{pos,neg,unsup}.")
    private Path aclImdb;

    @Option(names = "--vocab", description = "Vocabulary size including <pad> and <oov> (default: ${DEFAULT-VALUE}).")
    private int vocab = Pretraining.DEFAULT_VOCABULARY;

    @Option(names = "--dim", description = "Vector width, the models' embedding width (default: ${DEFAULT-VALUE}).")
    private int dim = Pretraining.DEFAULT_DIM;

    @Option(names = "--window", description = "The largest context distance (default: ${DEFAULT-VALUE}).")
    private int window = 5;

    @Option(names = "--negatives", description = "Noise words per pair (default: ${DEFAULT-VALUE}).")
    private int negatives = 5;

    @Option(names = "--subsample", description = "Subsampling threshold of frequent words (default: ${DEFAULT-VALUE}).")
    private double subsample = 1e-4;

    @Option(names = "--lr", description = "Starting learning rate (default: ${DEFAULT-VALUE}).")
    private double lr = 0.025;

    @Option(names = "--epochs", description = "Passes over the texts (default: ${DEFAULT-VALUE}).")
    private int epochs = 5;

    Pretraining.Settings settings(long seed) {
        return new Pretraining.Settings(vocab, new SkipGram.Settings(dim, window, negatives, subsample, lr, epochs, seed));
    }

    /** The texts: the train reviews' and the unlabelled ones, each with its checksum. */
    Pretraining.Corpus corpus(RunOptions run) throws IOException {
        if (aclImdb != null) {
            return new Pretraining.Corpus(AclImdbReader.read(aclImdb, "train"), aclImdb.resolve("train"),
                    AclImdbReader.readUnlabelled(aclImdb), aclImdb.resolve("train/unsup"));
        }
        Path train = trainFile != null ? trainFile : run.data().resolve("imdb/train.csv.gz");
        Path unsup = unsupFile != null ? unsupFile : run.data().resolve("imdb/unsup.csv.gz");
        return new Pretraining.Corpus(ReviewCsvReader.read(train), train, UnlabelledCsvReader.read(unsup), unsup);
    }

    /** The defaults, for a sentiment run that finds no pretraining artifact and makes it first. */
    static Pretraining.Corpus defaultCorpus(ReviewSource source, Path data) throws IOException {
        Path unsup = data.resolve("imdb/unsup.csv.gz");
        return new Pretraining.Corpus(source.train(), source.trainPath(), UnlabelledCsvReader.read(unsup), unsup);
    }
}
