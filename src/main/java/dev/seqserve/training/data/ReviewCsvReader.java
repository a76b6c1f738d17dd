package dev.seqserve.training.data;

import dev.seqserve.artifact.Checksums;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the shared IMDb CSV ({@code id,split,label,rating,text}; RFC 4180, UTF-8, gzip when the
 * name ends in {@code .gz}). Columns are found by name, so their order does not matter.
 */
public final class ReviewCsvReader {

    /** The columns a review file must have. */
    public static final List<String> COLUMNS = List.of("id", "split", "label", "rating", "text");

    private ReviewCsvReader() {}

    /**
     * @param file a CSV file, plain or gzip
     * @return its reviews in file order, with the file's SHA-256
     * @throws DataFormatException naming the line and the reason for any malformed row
     * @throws IOException if the file cannot be read at all
     */
    public static ReviewSet read(Path file) throws IOException {
        List<Review> reviews = new ArrayList<>();
        try (CsvSource source = CsvSource.open(file, COLUMNS)) {
            source.forEach((record, line) -> reviews.add(review(source, record, line)));
        }
        return new ReviewSet(file.toString(), Checksums.sha256(file), reviews);
    }

    private static Review review(CsvSource source, CSVRecord record, long line) {
        String id = record.get("id");
        if (id.isBlank()) {
            throw source.error(line, "empty id");
        }
        String split = record.get("split");
        if (split.isBlank()) {
            throw source.error(line, "empty split");
        }
        String text = record.get("text");
        if (text.isBlank()) {
            throw source.error(line, "empty text for review " + id);
        }
        return new Review(id, split, Labels.positive(record.get("label"), source, line),
                Labels.rating(record.get("rating"), source, line), text);
    }
}
