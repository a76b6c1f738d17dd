package dev.seqserve.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactFolderTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenManifestReadsBackEqualAndVerifies() throws IOException {
        Manifest manifest = sentimentArtifact(dir, 3);

        ArtifactFolder folder = ArtifactFolder.open(dir);

        assertThat(folder.manifest()).isEqualTo(manifest);
        assertThat(folder.vocabulary()).containsExactly("<pad>", "<oov>", "great");
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"task\" : \"sentiment\"", "\"truncation\" : \"head\"");
    }

    @Test
    void aChangedModelFileIsRefusedWithItsChecksum() throws IOException {
        sentimentArtifact(dir, 3);
        Files.write(dir.resolve("model.onnx"), new byte[] {9, 9, 9});

        assertThatThrownBy(() -> ArtifactFolder.open(dir))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("model.onnx")
                .hasMessageContaining("SHA-256");
    }

    @Test
    void aVocabularyOfTheWrongSizeIsRefused() throws IOException {
        sentimentArtifact(dir, 4);

        assertThatThrownBy(() -> ArtifactFolder.open(dir))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("vocab.txt")
                .hasMessageContaining("has 3 tokens but the manifest says 4");
    }

    @Test
    void aMissingVocabularyIsRefused() throws IOException {
        sentimentArtifact(dir, 3);
        Files.delete(dir.resolve("vocab.txt"));

        assertThatThrownBy(() -> ArtifactFolder.open(dir))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("vocab.txt: missing");
    }

    @Test
    void aVocabularyWithTwoLinesSwappedIsRefusedNamingTheFile() throws IOException {
        sentimentArtifact(dir, 3);
        Files.write(dir.resolve("vocab.txt"), List.of("<pad>", "great", "<oov>"));

        assertThatThrownBy(() -> ArtifactFolder.open(dir))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("vocab.txt: SHA-256 is");
    }

    @Test
    void theWrittenManifestChecksumsTheVocabulary() throws IOException {
        Manifest manifest = sentimentArtifact(dir, 3);

        assertThat(manifest.files()).containsExactly(new Manifest.FileChecksum("vocab.txt",
                Checksums.sha256(dir.resolve("vocab.txt"))));
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"files\"", manifest.files().get(0).sha256());
    }

    @Test
    void aCurrentFormatManifestWithoutTheVocabularyChecksumIsRefused() throws IOException {
        Manifest manifest = sentimentArtifact(dir, 3);
        rewrite(dir, manifest.withFiles(List.of()));

        assertThatThrownBy(() -> ArtifactFolder.open(dir))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("manifest.json: has no SHA-256 for vocab.txt");
    }

    @Test
    void aChecksummedFileOutsideTheFolderIsRefused() throws IOException {
        Manifest manifest = sentimentArtifact(dir, 3);
        rewrite(dir, manifest.withFiles(List.of(manifest.files().get(0),
                new Manifest.FileChecksum("../elsewhere.txt", "00"))));

        assertThatThrownBy(() -> ArtifactFolder.open(dir))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("names a file outside its folder: ../elsewhere.txt");
    }

    @Test
    void aLegacyFormatManifestStillLoadsWithoutFileChecksums() throws IOException {
        Manifest manifest = sentimentArtifact(dir, 3);
        Manifest legacy = new Manifest(Manifest.LEGACY_FORMAT_VERSION, manifest.name(), manifest.task(),
                manifest.architecture(), manifest.version(), manifest.created(), manifest.onnx(), manifest.text(),
                manifest.series(), manifest.metrics(), manifest.training());
        rewrite(dir, legacy);

        assertThat(ArtifactFolder.open(dir).manifest()).isEqualTo(legacy);
    }

    @Test
    void malformedJsonIsRefusedNamingTheManifest() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{\"name\": ");

        assertThatThrownBy(() -> ArtifactFolder.open(dir))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("manifest.json: not a valid manifest");
    }

    @Test
    void aMissingManifestIsRefused() {
        assertThatThrownBy(() -> ArtifactFolder.open(dir))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("manifest.json: missing");
    }

    static Manifest sentimentArtifact(Path dir, int declaredVocabularySize) throws IOException {
        Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("vocab.txt"), List.of("<pad>", "<oov>", "great"));
        Manifest manifest = new Manifest(
                Manifest.FORMAT_VERSION,
                "sentiment-test",
                Manifest.Task.SENTIMENT,
                "gru",
                "1",
                "2026-01-01T00:00:00Z",
                new Manifest.OnnxModel(
                        "model.onnx",
                        Checksums.sha256(new byte[] {1, 2, 3}),
                        17,
                        List.of(new Manifest.TensorSpec("token_ids", "int64", List.of("batch", "time"))),
                        List.of(new Manifest.TensorSpec("probability", "float", List.of("batch")))),
                new Manifest.TextPreprocessing(
                        true, true, true, "vocab.txt", declaredVocabularySize, 0, 1, 400, Manifest.Truncation.HEAD),
                null,
                List.of(new Manifest.Metric("accuracy", 0.9, "dev")),
                new Manifest.Training(7, Map.of("hidden", "8"), List.of(), 1, 1, List.of(1.5)));
        return ArtifactFolder.writeManifest(dir, manifest);
    }

    private static Manifest rewrite(Path dir, Manifest manifest) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), ArtifactFolder.toJson(manifest));
        return manifest;
    }
}
