package dev.seqserve.serving.forecast;

import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads a request's {@code lastTimestamp}: an ISO-8601 date, or a date-time whose date is taken. */
final class LastTimestamp {

    private LastTimestamp() {}

    /**
     * @return the date, or {@code null} when the request gave none
     * @throws InvalidInputException when the text is neither
     */
    static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toLocalDate();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).toLocalDate();
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException(ProblemType.INVALID_TIMESTAMP, "lastTimestamp must be an ISO-8601 "
                            + "date such as 1990-12-31 or a date-time such as 1990-12-31T00:00:00Z.");
                }
            }
        }
    }
}
