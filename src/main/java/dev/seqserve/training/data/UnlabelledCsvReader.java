package dev.seqserve.training.data;

import dev.seqserve.artifact.Checksums;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared unlabelled IMDb CSV ({@code id,text}; RFC 4180, UTF-8, gzip when the name ends in {@code .gz}). */
public final class UnlabelledCsvReader {

    /** The columns an unlabelled file must have. */
    public static final List<String> COLUMNS = List.of("id", "text");

    private UnlabelledCsvReader() {}

    /**
     * @param file a CSV file, plain or gzip
     * @return its texts in file order, with the file's SHA-256
     * @throws DataFormatException naming the line and the reason for a row with an empty id or text
     * @throws IOException if the file cannot be read at all
     */
    public static TextSet read(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        try (CsvSource source = CsvSource.open(file, COLUMNS)) {
            source.forEach((record, line) -> {
                if (record.get("id").isBlank()) {
                    throw source.error(line, "empty id");
                }
                String text = record.get("text");
                if (text.isBlank()) {
                    throw source.error(line, "empty text for " + record.get("id"));
                }
                texts.add(text);
            });
        }
        return new TextSet(file.toString(), Checksums.sha256(file), texts);
    }
}
