package dev.seqserve.training.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a series CSV: a header {@code timestamp,<value column named with its unit>}, then one row per
 * date in increasing order (ISO {@code yyyy-MM-dd}, or {@code yyyy-MM} for the first of the month).
 * The frequency is detected from the dates; missing dates are filled by linear interpolation (or,
 * on request, by carrying the last value forward, or refused) and listed in the series' {@link GapReport}.
 */
public final class SeriesCsvReader {

    /** The date column's name. */
    public static final String TIMESTAMP = "timestamp";

    /** What to do about missing dates. */
    public enum GapPolicy {
        /** Fill each missing value on the straight line between its present neighbours. */
        INTERPOLATE,
        /**
         * Repeat the last present value: no filled value depends on a later one, so a gap just
         * before a train/test cut cannot leak the first test value into training.
         */
        CARRY_FORWARD,
        /** Fail on the first missing date. */
        FAIL
    }

    private SeriesCsvReader() {}

    /** Reads a series, interpolating any missing dates. */
    public static Series read(Path file) throws IOException {
        return read(file, GapPolicy.INTERPOLATE);
    }

    /**
     * @param file the CSV file, plain or gzip
     * @param policy what to do about missing dates
     * @return the series, one value per step
     * @throws DataFormatException naming the line and the reason for a bad header, a date that is
     *     not ISO, a non-numeric value, a duplicate or out-of-order date, an irregular frequency, or
     *     (with {@link GapPolicy#FAIL}) a missing date
     * @throws IOException if the file cannot be read at all
     */
    public static Series read(Path file, GapPolicy policy) throws IOException {
        List<Row> rows = new ArrayList<>();
        String column;
        try (CsvSource source = CsvSource.open(file, List.of(TIMESTAMP))) {
            List<String> header = source.header();
            if (header.size() != 2) {
                throw source.error(1, "expected 2 columns, timestamp and one value column, but the header is "
                        + String.join(",", header));
            }
            column = header.get(header.get(0).equals(TIMESTAMP) ? 1 : 0);
            source.forEach((record, line) -> rows.add(row(source, rows, record.get(TIMESTAMP), record.get(column), line)));
            if (rows.size() < 2) {
                throw source.error(rows.get(0).line(), "a series needs at least 2 values to have a frequency");
            }
        }
        Frequency frequency = FrequencyDetector.detect(file, rows);
        return GapFiller.fill(file, column, frequency, rows, policy);
    }

    /** One data row as read. */
    record Row(LocalDate date, double value, long line) {}

    private static Row row(CsvSource source, List<Row> earlier, String timestamp, String value, long line) {
        LocalDate date = parseDate(source, timestamp, line);
        double number = parseValue(source, value, line);
        if (!earlier.isEmpty()) {
            Row previous = earlier.get(earlier.size() - 1);
            if (date.equals(previous.date())) {
                throw source.error(line, "duplicate date " + date + " (also on line " + previous.line() + ")");
            }
            if (date.isBefore(previous.date())) {
                throw source.error(line, "date " + date + " comes after " + previous.date() + " on line "
                        + previous.line() + "; dates must increase");
            }
        }
        return new Row(date, number, line);
    }

    private static LocalDate parseDate(CsvSource source, String timestamp, long line) {
        String text = timestamp.trim();
        try {
            return text.length() == 7 ? YearMonth.parse(text).atDay(1) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw source.error(line, "timestamp \"" + timestamp + "\" is not an ISO date (yyyy-MM-dd)");
        }
    }

    private static double parseValue(CsvSource source, String value, long line) {
        try {
            double number = Double.parseDouble(value.trim());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value as written
        }
        throw source.error(line, "value \"" + value + "\" is not a number");
    }
}
