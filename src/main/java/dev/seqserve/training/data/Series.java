package dev.seqserve.training.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A regularly sampled series read from a file: one value per step from {@link #start()}, gaps filled.
 * Immutable: the value accessors return copies.
 */
public final class Series {

    private final Path source;
    private final String column;
    private final Frequency frequency;
    private final LocalDate start;
    private final double[] values;
    private final GapReport gaps;

    /**
     * @param source the file read
     * @param column the value column's name, which carries the unit, e.g. {@code min_temp_c}
     * @param frequency the sampling frequency
     * @param start the date of the first value
     * @param values one value per step, gaps filled
     * @param gaps which dates were missing and how they were filled
     */
    public Series(Path source, String column, Frequency frequency, LocalDate start, double[] values, GapReport gaps) {
        this.source = source;
        this.column = column;
        this.frequency = frequency;
        this.start = start;
        this.values = values.clone();
        this.gaps = gaps;
    }

    /** The file read. */
    public Path source() {
        return source;
    }

    /** The value column's name, e.g. {@code passengers_thousands}. */
    public String column() {
        return column;
    }

    /** The sampling frequency. */
    public Frequency frequency() {
        return frequency;
    }

    /** The date of the first value. */
    public LocalDate start() {
        return start;
    }

    /** The date one step after the last value. */
    public LocalDate end() {
        return frequency.plus(start, values.length);
    }

    /** Number of values, gaps filled. */
    public int size() {
        return values.length;
    }

    /** All values, oldest first. */
    public double[] values() {
        return values.clone();
    }

    /** The values with indices {@code [from, to)}. */
    public double[] values(int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }

    /** The value at an index. */
    public double value(int index) {
        return values[index];
    }

    /** The date of the value at an index. */
    public LocalDate date(int index) {
        return frequency.plus(start, index);
    }

    /**
     * @return the index of the value for a date, clamped to {@code [0, size()]}, so that
     *     {@code values(0, indexOf(d))} is everything before {@code d}
     * @throws IllegalArgumentException if the date is not on the series' grid
     */
    public int indexOf(LocalDate date) {
        long steps = frequency.steps(start, date);
        if (steps < 0 && !date.isBefore(start)) {
            throw new IllegalArgumentException(date + " is not a " + frequency.manifestName() + " step from " + start);
        }
        if (date.isBefore(start)) {
            return 0;
        }
        return (int) Math.min(steps, values.length);
    }

    /** Which dates were missing and how they were filled. */
    public GapReport gaps() {
        return gaps;
    }
}
