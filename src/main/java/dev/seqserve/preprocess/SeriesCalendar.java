package dev.seqserve.preprocess;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Where a series' steps lie on the calendar, for models that read the time of year: a step's position
 * counts steps of the frequency from 1970-01-01, and a year is {@link #year()} of them, so the annual
 * Fourier terms of a step depend on its date alone, whatever series it belongs to.
 */
public enum SeriesCalendar {
    /** Positions are days since 1970-01-01; a year is 365.25 of them. */
    DAILY(365.25),
    /** Positions are months since January 1970; a year is 12 of them. */
    MONTHLY(12);

    private final double year;

    SeriesCalendar(double year) {
        this.year = year;
    }

    /**
     * The calendar of a manifest frequency.
     *
     * @throws IllegalArgumentException for a frequency without one (only daily and monthly have)
     */
    public static SeriesCalendar of(String frequency) {
        try {
            return valueOf(String.valueOf(frequency).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("calendar terms need a daily or monthly series, not " + frequency, e);
        }
    }

    /** Steps in a year. */
    public double year() {
        return year;
    }

    /** The position of a date's step. */
    public long position(LocalDate date) {
        return this == DAILY ? date.toEpochDay() : (date.getYear() - 1970L) * 12 + date.getMonthValue() - 1;
    }

    /**
     * Writes {@code sin(2πj·t/year), cos(2πj·t/year)} for {@code j = 1..harmonics} into {@code out}.
     *
     * @param position the step's position {@code t}
     * @param harmonics how many pairs
     * @param out receives {@code 2 · harmonics} values from {@code offset}
     */
    public void fourier(long position, int harmonics, double[] out, int offset) {
        double angle = 2 * Math.PI * Math.floorMod(position, Math.round(4 * year)) / year;
        for (int j = 1; j <= harmonics; j++) {
            out[offset + 2 * (j - 1)] = Math.sin(j * angle);
            out[offset + 2 * (j - 1) + 1] = Math.cos(j * angle);
        }
    }
}
