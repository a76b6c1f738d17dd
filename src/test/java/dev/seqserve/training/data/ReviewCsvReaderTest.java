package dev.seqserve.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seqserve.artifact.Checksums;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCsvReaderTest {

    private static final String HEADER = "id,split,label,rating,text\r\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFailure(Path file, int line, String reason) {
        return assertThatThrownBy(() -> ReviewCsvReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line " + line + ":")
                .hasMessageContaining(reason);
    }

    @Test
    void readsQuotedFieldsWithNewlinesAndDoubledQuotes() throws Exception {
        Path file = write("reviews.csv", HEADER
                + "train_pos_1,train,pos,9,\"Loved it.<br /><br />Said \"\"wow\"\",\r\ntwice\"\r\n"
                + "train_neg_2,train,neg,2,Plain text\r\n");
        ReviewSet set = ReviewCsvReader.read(file);
        assertThat(set.reviews()).containsExactly(
                new Review("train_pos_1", "train", true, 9, "Loved it.<br /><br />Said \"wow\",\r\ntwice"),
                new Review("train_neg_2", "train", false, 2, "Plain text"));
        assertThat(set.sha256()).isEqualTo(Checksums.sha256(file));
        assertThat(set.positives()).isEqualTo(1);
    }

    @Test
    void readsGzipAndColumnsInAnyOrderAndSkipsABom() throws Exception {
        Path file = dir.resolve("reviews.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("\uFEFFtext,label,rating,split,id\nGreat,pos,10,dev,d1\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(ReviewCsvReader.read(file).reviews()).containsExactly(new Review("d1", "dev", true, 10, "Great"));
    }

    @Test
    void brokenQuotingNamesTheLineWhereTheRecordStarts() throws Exception {
        Path file = write("broken.csv", HEADER + "a,train,pos,9,fine\r\nb,train,neg,1,\"unterminated\r\nc,train,pos,8,x\r\n");
        assertFailure(file, 3, "broken quoting");
    }

    @Test
    void aQuoteFollowedByTextIsBrokenQuoting() throws Exception {
        Path file = write("broken2.csv", HEADER + "a,train,pos,9,\"quoted\"tail\r\n");
        assertFailure(file, 2, "broken quoting");
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        Path file = write("nolabel.csv", "id,split,rating,text\r\na,train,9,x\r\n");
        assertFailure(file, 1, "missing column \"label\"");
    }

    @Test
    void aRowWithTooFewFieldsIsRejected() throws Exception {
        Path file = write("short.csv", HEADER + "a,train,pos,9,x\r\nb,train,pos,9\r\n");
        assertFailure(file, 3, "the row has 4 fields but the header has 5");
    }

    @Test
    void aNonNumericRatingIsRejected() throws Exception {
        Path file = write("rating.csv", HEADER + "a,train,pos,9,x\r\nb,train,pos,ten,y\r\n");
        assertFailure(file, 3, "rating \"ten\" is not an integer from 1 to 10");
    }

    @Test
    void anUnknownLabelIsRejected() throws Exception {
        Path file = write("label.csv", HEADER + "a,train,positive,9,\"multi\nline\"\r\nb,train,pos,9,y\r\n");
        assertFailure(file, 2, "unknown label \"positive\" (expected pos or neg)");
    }

    @Test
    void linesCountTheNewlinesInsideEarlierQuotedFields() throws Exception {
        Path file = write("lines.csv", HEADER + "a,train,pos,9,\"one\ntwo\nthree\"\r\nb,train,bad,9,y\r\n");
        assertFailure(file, 5, "unknown label \"bad\"");
    }

    @Test
    void anEmptyFileIsRejected() throws Exception {
        Path file = write("empty.csv", "");
        assertFailure(file, 1, "the file is empty");
    }

    @Test
    void aHeaderWithoutRowsIsRejected() throws Exception {
        Path file = write("header.csv", HEADER);
        assertFailure(file, 2, "no data after the header");
    }

    @Test
    void invalidUtf8IsRejected() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (HEADER + "a,train,pos,9,caf").getBytes(StandardCharsets.UTF_8));
        Files.write(file, new byte[] {(byte) 0xE9, '\r', '\n'}, java.nio.file.StandardOpenOption.APPEND);
        assertFailure(file, 2, "not valid UTF-8");
    }

    @Test
    void invalidUtf8FarIntoALargeFileNamesItsOwnLine() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) {
            csv.append("r").append(i).append(",train,pos,9,\"a review long enough to fill a few read-ahead blocks\"\r\n");
        }
        Path file = dir.resolve("late.csv");
        Files.writeString(file, csv);
        Files.write(file, new byte[] {'x', ',', 't', ',', 'p', 'o', 's', ',', '9', ',', (byte) 0xFF, '\r', '\n'},
                java.nio.file.StandardOpenOption.APPEND);
        assertFailure(file, 3002, "not valid UTF-8");
    }

    @Test
    void readsTheSharedTinyFile() throws Exception {
        Path tiny = SharedData.require("imdb/tiny.csv");
        ReviewSet set = ReviewCsvReader.read(tiny);
        assertThat(set.reviews()).hasSize(100);
        assertThat(set.positives()).isEqualTo(50);
        assertThat(set.reviews()).allSatisfy(r -> assertThat(r.positive() ? r.rating() >= 7 : r.rating() <= 4).isTrue());
        assertThat(set.sha256()).isEqualTo("7470d496d0526c7def9591c013b3196adf45ef8574742c5301d3d95374a02b13");
    }
}
