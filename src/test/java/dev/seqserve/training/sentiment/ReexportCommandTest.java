package dev.seqserve.training.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.training.onnx.proto.Onnx.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train reexport} on a model the trainer wrote: same weights and scores, a new file, the check redone. */
class ReexportCommandTest {

    @TempDir
    Path dir;

    @Test
    void theWeightsAreExportedAgainWithTheSameDevScoresAndTheManifestAndReportSayWhatChanged() throws Exception {
        Path data = SyntheticReviews.write(dir.resolve("reviews.csv"), 80, 9);
        Path folder = train(data);
        Manifest before = ArtifactFolder.open(folder).manifest();
        byte[] oldBytes = Files.readAllBytes(folder.resolve("model.onnx"));

        ReexportCommand.Outcome outcome = ReexportCommand.reexport(folder, data);

        assertThat(outcome.largestChange()).isLessThanOrEqualTo(ReexportCommand.SAME_SCORE);
        assertThat(outcome.accuracy()).isEqualTo(before.metric("accuracy").orElseThrow());
        Manifest after = ArtifactFolder.open(folder).manifest();
        assertThat(after).isEqualTo(outcome.manifest());
        assertThat(after.version()).isNotEqualTo(before.version()).isEqualTo(outcome.manifest().version());
        assertThat(after.metric("attribution_faithfulness").orElseThrow()).isEqualTo(outcome.faithfulness().ratio());
        assertThat(after.training()).isEqualTo(before.training());
        assertThat(Files.readAllBytes(folder.resolve("model.onnx"))).isNotEqualTo(oldBytes);
        assertThat(ModelProto.parseFrom(Files.readAllBytes(folder.resolve("model.onnx"))).getMetadataPropsList())
                .anySatisfy(p -> {
                    assertThat(p.getKey()).isEqualTo("exported_again_from");
                    assertThat(p.getValue()).isEqualTo(before.version());
                });
        assertThat(folder.resolve("report.md")).content()
                .contains("exported again by `train reexport` from version `" + before.version() + "`")
                .contains("## Configuration");
        assertThat(folder.resolve("model.onnx.new")).doesNotExist();
    }

    @Test
    void aDevFileOtherThanTheManifestsIsRefusedAndNothingIsWritten() throws Exception {
        Path data = SyntheticReviews.write(dir.resolve("reviews.csv"), 80, 9);
        Path folder = train(data);
        Path other = SyntheticReviews.write(dir.resolve("other.csv"), 80, 10);
        byte[] manifest = Files.readAllBytes(folder.resolve(ArtifactFolder.MANIFEST_FILE));

        assertThatThrownBy(() -> ReexportCommand.reexport(folder, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not the dev file");
        assertThat(Files.readAllBytes(folder.resolve(ArtifactFolder.MANIFEST_FILE))).isEqualTo(manifest);
    }

    private Path train(Path data) {
        Path out = dir.resolve("out");
        int exit = new CommandLine(new SentimentCommand()).execute("--train", data.toString(), "--dev", data.toString(),
                "--out", out.toString(), "--epochs", "2", "--hidden", "8", "--embedding", "8", "--vocab", "200",
                "--lr", "0.01", "--max-length", "40", "--no-pretraining", "--lm-epochs", "0", "--adversarial", "0");
        assertThat(exit).isZero();
        return out.resolve("sentiment-gru");
    }
}
