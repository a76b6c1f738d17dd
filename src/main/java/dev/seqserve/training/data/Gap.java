package dev.seqserve.training.data;

import java.time.LocalDate;
import java.util.List;

/**
 * A run of missing dates in a series and the values put in their place.
 *
 * @param before the last date present before the gap
 * @param beforeValue its value
 * @param after the first date present after the gap
 * @param afterValue its value
 * @param line the file line of {@code after}
 * @param missing the missing dates, in order
 * @param filled the value used for each missing date
 */
public record Gap(
        LocalDate before, double beforeValue, LocalDate after, double afterValue, long line,
        List<LocalDate> missing, List<Double> filled) {

    public Gap {
        missing = List.copyOf(missing);
        filled = List.copyOf(filled);
    }
}
