package dev.seqserve.training.sentiment;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.data.Review;
import dev.seqserve.training.nn.CellType;
import dev.seqserve.training.run.Phases;
import dev.seqserve.training.run.RunOptions;
import dev.seqserve.artifact.Checksums;
import dev.seqserve.training.data.AclImdbReader;
import dev.seqserve.training.data.TextSet;
import dev.seqserve.training.data.UnlabelledCsvReader;
import java.io.IOException;
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

    @Option(names = "--pretrained", paramLabel = "DIR", description = "The shared word vectors to start the embedding "
            + "from (default: OUT/" + PretrainCommand.FOLDER + ", made first with `train pretrain`'s defaults when absent).")
    private Path pretrained;

    @Option(names = "--no-pretraining", description = "Start from a random embedding over a vocabulary of the train reviews.")
    private boolean noPretraining;

    @Option(names = "--unsup", paramLabel = "FILE", description = "Unlabelled reviews for pretraining, id,text CSV "
            + "(default: DATA/imdb/unsup.csv.gz; with --aclimdb its train/unsup).")
    private Path unsupFile;

    @Option(names = "--lm-epochs", description = "Language-model pretraining epochs over the train and unlabelled "
            + "reviews; 0 turns it off (default: ${DEFAULT-VALUE}).")
    private int lmEpochs = 2;

    @Option(names = "--lm-batch", description = "Pieces per language-model batch (default: ${DEFAULT-VALUE}).")
    private int lmBatch = 64;

    @Option(names = "--lm-lr", description = "Language-model Adam learning rate (default: ${DEFAULT-VALUE}).")
    private double lmLr = 0.002;

    @Option(names = "--lm-samples", description = "Noise words per batch of the sampled softmax (default: ${DEFAULT-VALUE}).")
    private int lmSamples = 256;

    @Option(names = "--lm-max-length", description = "The longest language-model piece, in tokens (default: ${DEFAULT-VALUE}).")
    private int lmMaxLength = 400;

    @Option(names = "--no-baseline", description = "Skip the NB-LR baseline (for quick experiments; the manifest then has none).")
    private boolean noBaseline;

    @Option(names = "--lm-checkpoints", paramLabel = "PREFIX", description = "Write the encoder after every "
            + "language-model epoch to PREFIX-epochN.params (an experiment aid).")
    private Path lmCheckpoints;

    @Option(names = "--resume-encoder", paramLabel = "FILE", description = "Fine-tune from an encoder written by "
            + "--lm-checkpoints instead of pretraining (an experiment aid; the manifest records it).")
    private Path resumeEncoder;

    @Option(names = "--vocab", description = "Vocabulary size including <pad> and <oov> (default: ${DEFAULT-VALUE}).")
    private int vocab = 20_000;

    @Option(names = "--embedding", description = "Embedding width (default: ${DEFAULT-VALUE}).")
    private int embedding = 128;

    @Option(names = "--hidden", description = "Recurrent units (default: ${DEFAULT-VALUE}).")
    private int hidden = 128;

    @Option(names = "--bidirectional", negatable = true, description = "A second layer reads each review backwards (default: ${DEFAULT-VALUE}).")
    private boolean bidirectional = true;

    @Option(names = "--max-length", description = "Longest token sequence read (default: ${DEFAULT-VALUE}).")
    private int maxLength = 1000;

    @Option(names = "--truncation", description = "Which end of a longer review to keep: head or tail (default: ${DEFAULT-VALUE}).")
    private String truncation = "tail";

    @Option(names = "--batch", description = "Reviews per training batch (default: ${DEFAULT-VALUE}).")
    private int batch = 64;

    @Option(names = "--lr", description = "Adam learning rate (default: the architecture's, 0.002 for gru, 0.001 for lstm).")
    private Double lr;

    @Option(names = "--lr-decay", description = "Factor the learning rate is multiplied by after each epoch; 1 keeps it "
            + "constant (default: ${DEFAULT-VALUE}).")
    private double lrDecay = 1.0;

    @Option(names = "--clip", description = "Gradient norm clipping (default: ${DEFAULT-VALUE}).")
    private double clip = 5.0;

    @Option(names = "--dropout", description = "Dropout on the pooled features (default: ${DEFAULT-VALUE}).")
    private float dropout = 0.3f;

    @Option(names = "--adversarial", description = "Adversarial perturbation of the embedded inputs during training, "
            + "as a fraction of their norm; 0 turns it off (default: ${DEFAULT-VALUE}).")
    private float adversarial = 0.02f;

    @Option(names = "--epochs", description = "The most epochs (default: the architecture's, 3 for gru, 6 for lstm).")
    private Integer epochs;

    @Option(names = "--patience", description = "Epochs without a better dev accuracy before stopping (default: ${DEFAULT-VALUE}).")
    private int patience = 1;

    private final PrintStream out = System.out;

    /**
     * The fine-tuning learning rate chosen on dev for each cell: the GRU's at 0.002; the LSTM, slower to settle,
     * reached 0.9178 at 0.001 against 0.9136 at 0.002 (README, "Sentiment models against NB-LR").
     */
    static double defaultLearningRate(CellType cell) {
        return cell == CellType.LSTM ? 0.001 : 0.002;
    }

    /** The most fine-tuning epochs for each cell; early stopping ends a run sooner. */
    static int defaultEpochs(CellType cell) {
        return cell == CellType.LSTM ? 6 : 3;
    }

    @Override
    public Integer call() throws Exception {
        String cellName = arch.toLowerCase(Locale.ROOT);
        CellType cell = switch (cellName) {
            case "gru" -> CellType.GRU;
            case "lstm" -> CellType.LSTM;
            default -> throw new IllegalArgumentException("--arch must be gru or lstm, got '" + arch + "'");
        };
        String modelName = name != null ? name : "sentiment-" + cellName;
        SentimentTraining.Settings settings = new SentimentTraining.Settings(cell, vocab, embedding, hidden,
                bidirectional, maxLength, Manifest.Truncation.valueOf(truncation.toUpperCase(Locale.ROOT)), batch,
                lr != null ? lr : defaultLearningRate(cell), lrDecay, clip, dropout, adversarial,
                epochs != null ? epochs : defaultEpochs(cell), patience,
                new LanguageModelTraining.Settings(lmEpochs, lmBatch, lmLr, lmSamples, lmMaxLength, lmCheckpoints,
                        resumeEncoder),
                run.seed());
        ReviewSource source = aclImdb != null
                ? ReviewSource.aclImdb(aclImdb)
                : ReviewSource.csv(trainFile != null ? trainFile : run.data().resolve("imdb/train.csv.gz"),
                        devFile != null ? devFile : run.data().resolve("imdb/dev.csv.gz"));
        List<Review> train = source.trainReviews().subList(0, Math.min(limit, source.trainReviews().size()));
        List<Review> dev = source.devReviews();
        out.printf(Locale.ROOT, "training %s (%s) on %d reviews, early stopping on %d dev reviews%n", modelName,
                cellName, train.size(), dev.size());

        Phases phases = new Phases();
        WordVectors vectors = noPretraining ? null : wordVectors(source, phases);
        List<String> unlabelled = lmEpochs > 0 && resumeEncoder == null ? unlabelled().texts() : List.of();
        SentimentBaselines.Outcome baseline = noBaseline ? null
                : phases.time("NB-LR baseline", () -> SentimentBaselines.nbLr(train, dev, source.devName(), out));
        SentimentTraining.Result result = new SentimentTraining(settings, out)
                .train(train, dev, vectors, unlabelled, phases);
        Path folder = run.out().resolve(modelName);
        Files.createDirectories(folder);
        Manifest manifest = new SentimentArtifact(modelName, settings, source, limit, pretraining(vectors))
                .write(folder, result, baseline, phases);
        out.printf(Locale.ROOT, "wrote %s: dev accuracy %.4f (ONNX Runtime on model.onnx), version %s%n", folder,
                manifest.metric("accuracy").orElseThrow(), manifest.version());
        return 0;
    }

    private TextSet unlabelled() throws IOException {
        if (unsupFile == null && aclImdb != null) {
            return AclImdbReader.readUnlabelled(aclImdb);
        }
        return UnlabelledCsvReader.read(unsupFile != null ? unsupFile : run.data().resolve("imdb/unsup.csv.gz"));
    }

    private Path pretrainingFolder() {
        return pretrained != null ? pretrained : run.out().resolve(PretrainCommand.FOLDER);
    }

    /** The shared word vectors, made first (with the pretraining defaults) when the folder holds none. */
    private WordVectors wordVectors(ReviewSource source, Phases phases) throws IOException {
        Path folder = pretrainingFolder();
        if (!Files.exists(folder.resolve(WordVectors.DESCRIPTION_FILE))) {
            out.println("no pretraining artifact in " + folder + ": making it first (train pretrain)");
            return phases.time("word vectors (pretraining)", () -> new Pretraining(
                    new PretrainOptions().settings(run.seed()), out).run(PretrainOptions.defaultCorpus(source, run.data()),
                    folder));
        }
        out.println("starting from the word vectors in " + folder);
        WordVectors vectors = WordVectors.read(folder);
        WordVectors.Run made = WordVectors.run(folder);
        phases.add("word vectors (pretraining)", made.seconds(), "made by `train pretrain` on " + made.created()
                + ", reused");
        return vectors;
    }

    /** How the manifest records the pretraining artifact: its description file and that file's SHA-256. */
    private Manifest.DataFile pretraining(WordVectors vectors) {
        if (vectors == null) {
            return null;
        }
        Path file = pretrainingFolder().resolve(WordVectors.DESCRIPTION_FILE);
        Path relative = run.out().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return new Manifest.DataFile(relative.toString().replace('\\', '/'), Checksums.sha256(file), "pretraining");
    }
}
