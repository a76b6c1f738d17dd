package dev.seqserve.training;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.data.DataFiles;
import dev.seqserve.training.data.Review;
import dev.seqserve.training.nn.CellType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code Train sentiment}: reads the reviews, trains, and writes the artifact folder. */
final class SentimentCommand {

    private final Options options;
    private final PrintStream out;

    SentimentCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws IOException {
        Path data = Path.of(options.string("data", DataFiles.root().toString()));
        Path outDir = Path.of(options.string("out", "model-artifacts"));
        String arch = options.string("arch", "gru").toLowerCase(Locale.ROOT);
        CellType cell = switch (arch) {
            case "gru" -> CellType.GRU;
            case "lstm" -> CellType.LSTM;
            default -> throw new IllegalArgumentException("--arch must be gru or lstm, got '" + arch + "'");
        };
        String name = options.string("name", "sentiment-" + arch);
        String aclImdb = options.string("aclimdb", null);
        Path trainFile = Path.of(options.string("train", data.resolve("imdb/train.csv.gz").toString()));
        Path devFile = Path.of(options.string("dev", data.resolve("imdb/dev.csv.gz").toString()));
        int limit = options.integer("limit", Integer.MAX_VALUE);
        SentimentTraining.Settings settings = new SentimentTraining.Settings(
                cell,
                options.integer("vocab", 20_000),
                options.integer("embedding", 128),
                options.integer("hidden", 128),
                options.integer("max-length", 400),
                Manifest.Truncation.valueOf(options.string("truncation", "tail").toUpperCase(Locale.ROOT)),
                options.integer("batch", 64),
                options.decimal("lr", 0.002),
                options.decimal("clip", 5.0),
                (float) options.decimal("dropout", 0.3),
                options.integer("epochs", 4),
                options.integer("patience", 1),
                options.longValue("seed", 42));
        options.requireAllRead();

        ReviewSource source = aclImdb != null
                ? ReviewSource.aclImdb(Path.of(aclImdb))
                : ReviewSource.csv(trainFile, devFile);
        List<Review> train = source.trainReviews();
        if (train.size() > limit) {
            train = train.subList(0, limit);
        }
        List<Review> dev = source.devReviews();
        out.printf(Locale.ROOT, "training %s (%s) on %d reviews, early stopping on %d dev reviews%n", name, arch,
                train.size(), dev.size());

        SentimentTraining.Result result = new SentimentTraining(settings, out).train(train, dev);
        Path folder = outDir.resolve(name);
        Files.createDirectories(folder);
        Manifest manifest = new SentimentArtifact(name, settings, source, limit).write(folder, result);
        out.printf(Locale.ROOT, "wrote %s: dev accuracy %.4f (ONNX Runtime on model.onnx), version %s%n", folder,
                manifest.metric("accuracy").orElseThrow(), manifest.version());
    }
}
