package dev.seqserve.training.forecast;

import dev.seqserve.preprocess.SeriesCalendar;
import dev.seqserve.training.data.Frequency;
import dev.seqserve.training.data.Series;
import dev.seqserve.training.eval.Autoregressions;
import java.time.LocalDate;

/**
 * The dates of a series' values, which models with calendar inputs or a Fourier baseline read.
 *
 * @param start the date of value 0
 * @param frequency the step between values
 */
public record Timeline(LocalDate start, Frequency frequency) {

    /** The timeline of a series read from a file. */
    public static Timeline of(Series series) {
        return new Timeline(series.start(), series.frequency());
    }

    /** The date of value {@code index}. */
    public LocalDate date(int index) {
        return frequency.plus(start, index);
    }

    /**
     * Where the values lie on the calendar, for the autoregressive baselines.
     *
     * @param offset values the series is shifted by (a model space after differences starts later)
     */
    public Autoregressions.Dates dates(int offset) {
        SeriesCalendar calendar = SeriesCalendar.of(frequency.manifestName());
        return new Autoregressions.Dates(calendar, calendar.position(start) + offset);
    }
}
