package dev.seqserve.training.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.training.run.EpochLoop;
import dev.seqserve.training.run.Phases;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.data.DataFiles;
import dev.seqserve.training.data.ReviewCsvReader;
import dev.seqserve.training.data.Review;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

class SentimentTrainingTest {

    @TempDir
    Path dir;

    /** The shared tiny.csv when it is there; otherwise reviews this test makes up. */
    private Path trainingFile() throws IOException {
        Path tiny = DataFiles.root().resolve("imdb/tiny.csv");
        if (Files.isRegularFile(tiny)) {
            return tiny;
        }
        System.out.println("../shared/data/imdb/tiny.csv is absent: training on synthetic reviews instead");
        return SyntheticReviews.write(dir.resolve("synthetic.csv"), 120, 3);
    }

    @Test
    void aSmallRunLowersTheLossAndBeatsChanceOnItsTrainSplit() throws IOException {
        List<Review> reviews = ReviewCsvReader.read(trainingFile()).reviews();
        SentimentTraining training = new SentimentTraining(settings(12), quiet());

        SentimentTraining.Result result = training.train(reviews, reviews, null, List.of(), new Phases());

        List<EpochLoop.Epoch> epochs = result.history().epochs();
        assertThat(epochs.get(epochs.size() - 1).trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(result.devAccuracy()).isGreaterThan(0.75);
    }

    @Test
    void theLearningRateDecaysEachEpochBySettingsFactor() throws IOException {
        List<Review> reviews = ReviewCsvReader.read(trainingFile()).reviews();

        // A factor of 1e-4 leaves steps of 1e-6 and less after the first epoch: the dev accuracy stays put.
        List<EpochLoop.Epoch> frozen = new SentimentTraining(settings(8, 1e-4), quiet())
                .train(reviews, reviews, null, List.of(), new Phases()).history().epochs();
        List<EpochLoop.Epoch> constant = new SentimentTraining(settings(8, 1.0), quiet())
                .train(reviews, reviews, null, List.of(), new Phases()).history().epochs();

        assertThat(frozen.get(0).devMetric()).isEqualTo(constant.get(0).devMetric());
        assertThat(frozen).hasSize(8).extracting(EpochLoop.Epoch::devMetric).containsOnly(frozen.get(0).devMetric());
        assertThat(constant.get(constant.size() - 1).devMetric()).isGreaterThan(constant.get(0).devMetric());
    }

    @Test
    void theSameSeedAndDataGiveTheSameManifestMetrics() throws IOException {
        Path data = SyntheticReviews.write(dir.resolve("reviews.csv"), 80, 5);

        Manifest first = trainInto(dir.resolve("first"), data);
        Manifest second = trainInto(dir.resolve("second"), data);

        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(first.training().data()).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
    }

    @Test
    void theWrittenFolderVerifiesAndItsAccuracyIsTheExportedFilesThroughTheFileScorer() throws Exception {
        Path data = SyntheticReviews.write(dir.resolve("reviews.csv"), 80, 7);
        ReviewSource source = ReviewSource.csv(data, data);
        SentimentTraining.Settings settings = settings(3);
        SentimentTraining.Result result = new SentimentTraining(settings, quiet())
                .train(source.trainReviews(), source.devReviews(), null, List.of(), new Phases());
        List<Path> opened = new java.util.ArrayList<>();
        // The real scorer of the exported file, reporting 1 − p: the manifest must say what it measured.
        SentimentArtifact.FileScorers flipped = file -> {
            opened.add(file);
            SentimentArtifact.FileScorer onnx = SentimentArtifact.onnx(file);
            return new SentimentArtifact.FileScorer() {
                @Override
                public float[] score(int[][] tokens) throws Exception {
                    float[] p = onnx.score(tokens);
                    for (int i = 0; i < p.length; i++) {
                        p[i] = 1 - p[i];
                    }
                    return p;
                }

                @Override
                public dev.seqserve.training.eval.OnnxEvaluation.Attributed attribute(int[] ids) throws Exception {
                    return onnx.attribute(ids);
                }

                @Override
                public void close() throws Exception {
                    onnx.close();
                }
            };
        };

        Manifest manifest = new SentimentArtifact("sentiment-gru", settings, source, Integer.MAX_VALUE, null, flipped)
                .write(dir.resolve("out"), result, null, new Phases());

        assertThat(opened).containsExactly(dir.resolve("out/model.onnx"));
        assertThat(manifest.metric("accuracy").orElseThrow())
                .isCloseTo(1 - result.devAccuracy(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ArtifactFolder.open(dir.resolve("out")).manifest()).isEqualTo(manifest);
        assertThat(dir.resolve("out/report.md")).content().contains("## Result", "ONNX Runtime");
        assertThat(dir.resolve("out/training.png")).isNotEmptyFile();
    }

    @Test
    void theOnnxScorerAgreesWithTheTrainersForwardPass() throws IOException {
        Path data = SyntheticReviews.write(dir.resolve("reviews.csv"), 80, 8);

        Manifest manifest = trainInto(dir.resolve("out"), data);

        assertThat(manifest.metric("accuracy").orElseThrow())
                .isEqualTo(manifest.metric("trainer_accuracy").orElseThrow());
    }

    private Manifest trainInto(Path out, Path data) throws IOException {
        int exit = new CommandLine(new SentimentCommand()).execute("--train", data.toString(), "--dev", data.toString(),
                "--out", out.toString(), "--epochs", "3", "--hidden", "8", "--embedding", "8", "--vocab", "200",
                "--lr", "0.01", "--max-length", "40", "--no-pretraining", "--lm-epochs", "0", "--no-bidirectional",
                "--adversarial", "0");
        assertThat(exit).isZero();
        return ArtifactFolder.open(out.resolve("sentiment-gru")).manifest();
    }

    private static SentimentTraining.Settings settings(int epochs) {
        return settings(epochs, 1.0);
    }

    private static SentimentTraining.Settings settings(int epochs, double learningRateDecay) {
        return new SentimentTraining.Settings(dev.seqserve.training.nn.CellType.GRU, 500, 16, 16, false, 100,
                Manifest.Truncation.TAIL, 16, 0.01, learningRateDecay, 5.0, 0.1f, 0f, epochs, epochs,
                new LanguageModelTraining.Settings(0, 16, 0.002, 8, 40), 42);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
