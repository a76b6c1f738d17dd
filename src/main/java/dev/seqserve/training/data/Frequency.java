package dev.seqserve.training.data;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How often a series is sampled; each step is a whole number of days or of months. */
public enum Frequency {
    /** One value a day. */
    DAILY(ChronoUnit.DAYS, 1),
    /** One value a week. */
    WEEKLY(ChronoUnit.DAYS, 7),
    /** One value a month, on the same day of the month. */
    MONTHLY(ChronoUnit.MONTHS, 1),
    /** One value a quarter. */
    QUARTERLY(ChronoUnit.MONTHS, 3),
    /** One value a year. */
    YEARLY(ChronoUnit.MONTHS, 12);

    private final ChronoUnit unit;
    private final int size;

    Frequency(ChronoUnit unit, int size) {
        this.unit = unit;
        this.size = size;
    }

    /** The name the manifest records, e.g. {@code daily}. */
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The date {@code steps} steps after {@code date}. */
    public LocalDate plus(LocalDate date, long steps) {
        return date.plus(steps * size, unit);
    }

    /**
     * @return how many steps lie from {@code from} to {@code to}, or -1 when {@code to} is not on
     *     this frequency's grid through {@code from}
     */
    public long steps(LocalDate from, LocalDate to) {
        long units = unit.between(from, to);
        if (units % size != 0 || !plus(from, units / size).equals(to)) {
            return -1;
        }
        return units / size;
    }

    /** Whether consecutive values in a month-based series share one day of the month. */
    boolean monthBased() {
        return unit == ChronoUnit.MONTHS;
    }
}
