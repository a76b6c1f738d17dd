package dev.seqserve.training.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sentiment commands end to end on made-up reviews: pretraining, the baseline, the network, the artifact. */
class SentimentCommandTest {

    @TempDir
    Path dir;

    @Test
    void pretrainingWritesVerifiedWordVectorsThatTheModelStartsFromAndRecords() throws IOException {
        Path train = SyntheticReviews.write(dir.resolve("train.csv"), 80, 11);
        Path unsup = SyntheticReviews.writeUnlabelled(dir.resolve("unsup.csv"), 120, 12);
        Path out = dir.resolve("out");

        int pretrain = new CommandLine(new PretrainCommand()).execute("--train", train.toString(), "--unsup",
                unsup.toString(), "--out", out.toString(), "--dim", "8", "--vocab", "100", "--epochs", "2");
        assertThat(pretrain).isZero();
        Path folder = out.resolve(PretrainCommand.FOLDER);
        WordVectors vectors = WordVectors.read(folder);
        assertThat(vectors.vectors()).hasSize(vectors.vocabulary().size() * 8);
        assertThat(vectors.vocabulary().tokens()).contains("great", "awful");
        assertThat(vectors.description().data()).extracting(Manifest.DataFile::role).containsExactly("train", "unlabelled");

        Manifest manifest = train(out, train, "--lm-epochs", "1", "--lm-samples", "8", "--unsup", unsup.toString());

        assertThat(manifest.text().vocabularySize()).isEqualTo(vectors.vocabulary().size());
        Path vocab = out.resolve("sentiment-gru/vocab.txt");
        assertThat(Files.readAllLines(vocab)).isEqualTo(vectors.vocabulary().tokens());
        assertThat(manifest.training().data()).anySatisfy(f -> {
            assertThat(f.role()).isEqualTo("pretraining");
            assertThat(f.path()).isEqualTo(PretrainCommand.FOLDER + "/" + WordVectors.DESCRIPTION_FILE);
            assertThat(f.sha256()).isEqualTo(Checksums.sha256(folder.resolve(WordVectors.DESCRIPTION_FILE)));
        });
        assertThat(out.resolve("sentiment-gru/report.md")).content()
                .contains("## Language-model pretraining epochs", "word vectors (pretraining)", "reused");
    }

    @Test
    void pretrainingTwiceWritesTheSameDescriptionSoItsChecksumNamesTheVectors() throws IOException {
        Path train = SyntheticReviews.write(dir.resolve("train.csv"), 40, 16);
        Path unsup = SyntheticReviews.writeUnlabelled(dir.resolve("unsup.csv"), 60, 17);
        String[] sha = new String[2];
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve("out" + i);
            assertThat(new CommandLine(new PretrainCommand()).execute("--train", train.toString(), "--unsup",
                    unsup.toString(), "--out", out.toString(), "--dim", "4", "--vocab", "60", "--epochs", "1")).isZero();
            Path folder = out.resolve(PretrainCommand.FOLDER);
            sha[i] = Checksums.sha256(folder.resolve(WordVectors.DESCRIPTION_FILE));
            assertThat(WordVectors.run(folder).seconds()).isPositive();
        }
        assertThat(sha[1]).isEqualTo(sha[0]);

        Path folder = dir.resolve("out0").resolve(PretrainCommand.FOLDER);
        Files.delete(folder.resolve(WordVectors.RUN_FILE));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WordVectors.run(folder))
                .isInstanceOf(IOException.class).hasMessageContaining(WordVectors.RUN_FILE);
    }

    @Test
    void changedWordVectorsAreRefusedNamingTheFile() throws IOException {
        Path train = SyntheticReviews.write(dir.resolve("train.csv"), 40, 13);
        Path unsup = SyntheticReviews.writeUnlabelled(dir.resolve("unsup.csv"), 40, 14);
        Path out = dir.resolve("out");
        new CommandLine(new PretrainCommand()).execute("--train", train.toString(), "--unsup", unsup.toString(),
                "--out", out.toString(), "--dim", "4", "--vocab", "50", "--epochs", "1");
        Path vectors = out.resolve(PretrainCommand.FOLDER).resolve(WordVectors.VECTORS_FILE);
        byte[] bytes = Files.readAllBytes(vectors);
        bytes[0] ^= 1;
        Files.write(vectors, bytes);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WordVectors.read(out.resolve(PretrainCommand.FOLDER)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(WordVectors.VECTORS_FILE)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void theManifestCarriesTheNbLrBaselineAndTheReportSetsTheModelBesideIt() throws IOException {
        Path train = SyntheticReviews.write(dir.resolve("train.csv"), 80, 15);

        Manifest manifest = train(dir.resolve("out"), train, "--no-pretraining", "--lm-epochs", "0", "--adversarial", "0.05");

        Manifest.Baseline nbLr = manifest.baselines().get(0);
        assertThat(nbLr.name()).isEqualTo("nb-lr");
        assertThat(nbLr.metric()).isEqualTo("accuracy");
        assertThat(nbLr.value()).isBetween(0.5, 1.0);
        assertThat(nbLr.split()).isEqualTo(manifest.metrics().get(0).split());
        assertThat(manifest.architecture()).isEqualTo("bigru");
        assertThat(manifest.metric("attribution_faithfulness")).isPresent();
        String report = Files.readString(dir.resolve("out/sentiment-gru/report.md"));
        assertThat(report).contains("| nb-lr |", "## Time per phase", "NB-LR baseline", "## Explanations", "**total**");
        // the two examples are named by id with their strongest tokens; no review's text is copied into the report
        List<dev.seqserve.training.data.Review> reviews = dev.seqserve.training.data.ReviewCsvReader.read(train).reviews();
        assertThat(reviews.stream().filter(r -> report.contains("Review `" + r.id() + "`"))).hasSize(2);
        assertThat(reviews).noneMatch(r -> quotes(report, r.text()));
    }

    @Test
    void fineTuningFromTheLastLanguageModelCheckpointRetracesTheRunThatWroteIt() throws IOException {
        Path train = SyntheticReviews.write(dir.resolve("train.csv"), 80, 18);
        Path unsup = SyntheticReviews.writeUnlabelled(dir.resolve("unsup.csv"), 60, 19);
        Path checkpoints = dir.resolve("lm");

        Manifest whole = train(dir.resolve("whole"), train, "--no-pretraining", "--no-baseline", "--unsup",
                unsup.toString(), "--lm-epochs", "2", "--lm-samples", "8", "--lm-checkpoints", checkpoints.toString());
        Manifest resumed = train(dir.resolve("resumed"), train, "--no-pretraining", "--no-baseline", "--unsup",
                unsup.toString(), "--lm-epochs", "2", "--lm-samples", "8",
                "--resume-encoder", checkpoints + "-epoch2.params");

        // the faithfulness ratio is a double of the trained weights' attributions: equal only for equal weights
        assertThat(resumed.metric("attribution_faithfulness")).isPresent();
        assertThat(resumed.metrics()).isEqualTo(whole.metrics());
        assertThat(fineTuningTable(dir.resolve("resumed"))).isEqualTo(fineTuningTable(dir.resolve("whole")));
    }

    @Test
    void eachArchitectureFineTunesWithItsOwnChosenRateAndEpochsUnlessTold() throws IOException {
        Path train = SyntheticReviews.write(dir.resolve("train.csv"), 40, 20);
        for (String arch : List.of("lstm", "gru")) {
            Path out = dir.resolve(arch);
            int exit = new CommandLine(new SentimentCommand()).execute("--arch", arch, "--train", train.toString(),
                    "--dev", train.toString(), "--out", out.toString(), "--hidden", "4", "--embedding", "4", "--vocab",
                    "100", "--max-length", "20", "--no-pretraining", "--lm-epochs", "0", "--no-baseline", "--patience", "9");
            assertThat(exit).isZero();
            java.util.Map<String, String> h = ArtifactFolder.open(out.resolve("sentiment-" + arch)).manifest().training()
                    .hyperParameters();
            assertThat(h).containsEntry("learning_rate", arch.equals("lstm") ? "0.001" : "0.002")
                    .containsEntry("max_epochs", arch.equals("lstm") ? "6" : "3");
            assertThat(Files.readString(out.resolve("sentiment-" + arch + "/report.md")))
                    .contains("-Dtrain.args=\"sentiment --arch " + arch + "\"");
        }
    }

    /** The report's fine-tuning epochs: number, train loss and dev accuracy (not the seconds and load). */
    private static List<String> fineTuningTable(Path out) throws IOException {
        String report = Files.readString(out.resolve("sentiment-gru/report.md"));
        String table = report.substring(report.indexOf("| epoch | train loss"));
        return table.lines().takeWhile(l -> l.startsWith("|"))
                .map(l -> String.join("|", java.util.Arrays.copyOfRange(l.split("\\|"), 1, 4))).toList();
    }

    /** Whether {@code report} holds any 4 consecutive words of {@code text}, however marked up. */
    private static boolean quotes(String report, String text) {
        String plain = report.replaceAll("[*_`⁺⁻\\\\]", "");
        String[] words = text.split("\\s+");
        for (int i = 0; i + 4 <= words.length; i++) {
            if (plain.contains(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + 4)))) {
                return true;
            }
        }
        return false;
    }

    private static Manifest train(Path out, Path data, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--train", data.toString(), "--dev", data.toString(),
                "--out", out.toString(), "--epochs", "2", "--hidden", "8", "--embedding", "8", "--vocab", "200",
                "--lr", "0.01", "--max-length", "40"));
        args.addAll(List.of(extra));
        int exit = new CommandLine(new SentimentCommand()).execute(args.toArray(String[]::new));
        assertThat(exit).isZero();
        return ArtifactFolder.open(out.resolve("sentiment-gru")).manifest();
    }
}
