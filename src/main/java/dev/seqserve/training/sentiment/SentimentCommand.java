package dev.seqserve.training.sentiment;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.data.Review;
import dev.seqserve.training.nn.CellType;
import dev.seqserve.training.run.RunOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train sentiment}: reads the reviews, trains, and writes the artifact folder. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Trains a review sentiment model (LSTM or GRU) and writes model-artifacts/sentiment-<arch>/.")
public final class SentimentCommand implements Callable<Integer> {

    @Mixin
    private RunOptions run;

    @Option(names = "--arch", description = "gru or lstm (default: ${DEFAULT-VALUE}).")
    private String arch = "gru";

    @Option(names = "--name", description = "The model's name (default: sentiment-<arch>).")
    private String name;

    @Option(names = "--train", paramLabel = "FILE", description = "Train reviews, CSV or .csv.gz (default: DATA/imdb/train.csv.gz).")
    private Path trainFile;

    @Option(names = "--dev", paramLabel = "FILE", description = "Dev reviews, CSV or .csv.gz (default: DATA/imdb/dev.csv.gz).")
    private Path devFile;

    @Option(names = "--aclimdb", paramLabel = "DIR",
            description = "The original aclImdb/ layout instead of the CSV files; its test split is the dev split.")
    private Path aclImdb;

    @Option(names = "--limit", description = "Only the first N train reviews, for quick runs.")
    private int limit = Integer.MAX_VALUE;

    @Option(names = "--vocab", description = "Vocabulary size including <pad> and <oov> (default: ${DEFAULT-VALUE}).")
    private int vocab = 20_000;

    @Option(names = "--embedding", description = "Embedding width (default: ${DEFAULT-VALUE}).")
    private int embedding = 128;

    @Option(names = "--hidden", description = "Recurrent units (default: ${DEFAULT-VALUE}).")
    private int hidden = 128;

    @Option(names = "--max-length", description = "Longest token sequence read (default: ${DEFAULT-VALUE}).")
    private int maxLength = 400;

    @Option(names = "--truncation", description = "Which end of a longer review to keep: head or tail (default: ${DEFAULT-VALUE}).")
    private String truncation = "tail";

    @Option(names = "--batch", description = "Reviews per training batch (default: ${DEFAULT-VALUE}).")
    private int batch = 64;

    @Option(names = "--lr", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    private double lr = 0.002;

    @Option(names = "--clip", description = "Gradient norm clipping (default: ${DEFAULT-VALUE}).")
    private double clip = 5.0;

    @Option(names = "--dropout", description = "Dropout on the pooled features (default: ${DEFAULT-VALUE}).")
    private float dropout = 0.3f;

    @Option(names = "--epochs", description = "The most epochs (default: ${DEFAULT-VALUE}).")
    private int epochs = 4;

    @Option(names = "--patience", description = "Epochs without a better dev accuracy before stopping (default: ${DEFAULT-VALUE}).")
    private int patience = 1;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        String cellName = arch.toLowerCase(Locale.ROOT);
        CellType cell = switch (cellName) {
            case "gru" -> CellType.GRU;
            case "lstm" -> CellType.LSTM;
            default -> throw new IllegalArgumentException("--arch must be gru or lstm, got '" + arch + "'");
        };
        String modelName = name != null ? name : "sentiment-" + cellName;
        SentimentTraining.Settings settings = new SentimentTraining.Settings(cell, vocab, embedding, hidden, maxLength,
                Manifest.Truncation.valueOf(truncation.toUpperCase(Locale.ROOT)), batch, lr, clip, dropout, epochs,
                patience, run.seed());
        ReviewSource source = aclImdb != null
                ? ReviewSource.aclImdb(aclImdb)
                : ReviewSource.csv(trainFile != null ? trainFile : run.data().resolve("imdb/train.csv.gz"),
                        devFile != null ? devFile : run.data().resolve("imdb/dev.csv.gz"));
        List<Review> train = source.trainReviews();
        if (train.size() > limit) {
            train = train.subList(0, limit);
        }
        List<Review> dev = source.devReviews();
        out.printf(Locale.ROOT, "training %s (%s) on %d reviews, early stopping on %d dev reviews%n", modelName,
                cellName, train.size(), dev.size());

        SentimentTraining.Result result = new SentimentTraining(settings, out).train(train, dev);
        Path folder = run.out().resolve(modelName);
        Files.createDirectories(folder);
        Manifest manifest = new SentimentArtifact(modelName, settings, source, limit).write(folder, result);
        out.printf(Locale.ROOT, "wrote %s: dev accuracy %.4f (ONNX Runtime on model.onnx), version %s%n", folder,
                manifest.metric("accuracy").orElseThrow(), manifest.version());
        return 0;
    }
}
