package dev.seqserve.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclImdbReaderTest {

    @TempDir
    Path root;

    @BeforeEach
    void buildTree() throws Exception {
        review("train/pos/10_9.txt", "A delight.<br /><br />See it.");
        review("train/pos/2_7.txt", "Good enough.");
        review("train/neg/0_3.txt", "Dull, \"artsy\" and long.");
        review("train/unsup/5_0.txt", "not labelled, not read");
        review("test/pos/0_10.txt", "Masterpiece.");
        review("test/neg/1_1.txt", "Awful.");
        Files.writeString(root.resolve("aclImdb/train/urls_pos.txt"), "http://example.org\n");
    }

    private void review(String path, String text) throws Exception {
        Path file = root.resolve("aclImdb").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void readsNegativesThenPositivesEachByNumericId() throws Exception {
        ReviewSet train = AclImdbReader.read(root, "train");
        assertThat(train.reviews()).containsExactly(
                new Review("train_neg_0", "train", false, 3, "Dull, \"artsy\" and long."),
                new Review("train_pos_2", "train", true, 7, "Good enough."),
                new Review("train_pos_10", "train", true, 9, "A delight.<br /><br />See it."));
        assertThat(AclImdbReader.read(root.resolve("aclImdb"), "test").reviews()).hasSize(2);
    }

    @Test
    void theChecksumFollowsTheContent() throws Exception {
        String before = AclImdbReader.read(root, "train").sha256();
        assertThat(AclImdbReader.read(root, "train").sha256()).isEqualTo(before);
        review("train/pos/2_7.txt", "Good enough!");
        assertThat(AclImdbReader.read(root, "train").sha256()).isNotEqualTo(before).hasSize(64);
    }

    @Test
    void aFileNameWithoutARatingIsRejected() throws Exception {
        review("train/pos/11.txt", "x");
        assertThatThrownBy(() -> AclImdbReader.read(root, "train"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("11.txt")
                .hasMessageContaining("<id>_<rating>.txt");
    }

    @Test
    void aRatingOutsideOneToTenIsRejected() throws Exception {
        review("train/neg/12_0.txt", "x");
        assertThatThrownBy(() -> AclImdbReader.read(root, "train"))
                .hasMessageContaining("12_0.txt")
                .hasMessageContaining("not an integer from 1 to 10");
    }

    @Test
    void anEmptyReviewIsRejectedWithItsFileAndLine() throws Exception {
        review("test/neg/3_2.txt", "");
        assertThatThrownBy(() -> AclImdbReader.read(root, "test"))
                .hasMessageContaining("3_2.txt, line 1: empty review");
    }

    @Test
    void aMissingSplitOrLabelFolderIsNamed() throws Exception {
        assertThatThrownBy(() -> AclImdbReader.read(root, "dev")).hasMessageContaining("no dev folder");
        Files.delete(root.resolve("aclImdb/test/neg/1_1.txt"));
        Files.delete(root.resolve("aclImdb/test/neg"));
        assertThatThrownBy(() -> AclImdbReader.read(root, "test"))
                .hasMessageContaining("neg")
                .hasMessageContaining("missing folder");
    }
}
