package dev.seqserve.training.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An RFC 4180 CSV file with a header row, read strictly: UTF-8 (gzip when the name ends in
 * {@code .gz}), required columns, one field per column on every row, and every failure turned into
 * a {@link DataFormatException} with the line where the offending record starts.
 */
final class CsvSource implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    /** Receives one record and the line it starts on. */
    @FunctionalInterface
    interface RecordHandler {
        void accept(CSVRecord record, long line);
    }

    private final Path file;
    private final CSVParser parser;

    private CsvSource(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * Opens a file and checks its header.
     *
     * @param required the columns the file must have, in any order
     * @throws DataFormatException if the file is empty, is not UTF-8 or gzip, or lacks a column
     */
    static CsvSource open(Path file, List<String> required) throws IOException {
        Reader reader = reader(file);
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            reader.close();
            throw failure(file, 1, "unreadable header: ", e);
        }
        CsvSource source = new CsvSource(file, parser);
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            source.close();
            throw new DataFormatException(file, 1, "the file is empty; expected a header " + String.join(",", required));
        }
        for (String column : required) {
            if (!header.contains(column)) {
                source.close();
                throw new DataFormatException(file, 1, "missing column \"" + column + "\" (the header is "
                        + String.join(",", header) + "; expected " + String.join(",", required) + ")");
            }
        }
        return source;
    }

    /** The header's column names in file order. */
    List<String> header() {
        return parser.getHeaderNames();
    }

    /**
     * Hands every data record to the handler, skipping blank lines.
     *
     * @throws DataFormatException on broken quoting, a row with the wrong number of fields, bad
     *     UTF-8, or when there is no record after the header
     */
    void forEach(RecordHandler handler) {
        Iterator<CSVRecord> records = parser.iterator();
        int columns = parser.getHeaderNames().size();
        long count = 0;
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw failure(file, line, find(e, CSVException.class) != null ? "broken quoting: " : "cannot read: ", e);
            }
            if (record.size() == 1 && record.get(0).isEmpty() && columns > 1) {
                continue;
            }
            if (record.size() != columns) {
                throw new DataFormatException(file, line, "the row has " + record.size() + " fields but the header has "
                        + columns + " (" + String.join(",", parser.getHeaderNames()) + ")");
            }
            count++;
            handler.accept(record, line);
        }
        if (count == 0) {
            throw new DataFormatException(file, 2, "no data after the header");
        }
    }

    /** An error about the given line of this file. */
    DataFormatException error(long line, String reason) {
        return new DataFormatException(file, line, reason);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static Reader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
        } catch (IOException e) {
            in.close();
            throw new DataFormatException(file, 0, "not a gzip file: " + e.getMessage(), e);
        }
        // Strict decoding: a file in another encoding fails rather than training on mojibake.
        PushbackReader reader = new PushbackReader(new BufferedReader(new Utf8Reader(in), 1 << 16));
        try {
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (Utf8Reader.MalformedException e) {
            reader.close();
            throw new DataFormatException(file, e.line(), "not valid UTF-8", e);
        }
        return reader;
    }

    /** Bad UTF-8 knows its own line; anything else is blamed on the record being read. */
    private static DataFormatException failure(Path file, long line, String kind, Throwable e) {
        Utf8Reader.MalformedException malformed = find(e, Utf8Reader.MalformedException.class);
        if (malformed != null) {
            return new DataFormatException(file, malformed.line(), "not valid UTF-8", e);
        }
        return new DataFormatException(file, line, kind + reason(e), e);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
