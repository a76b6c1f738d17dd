package dev.seqserve.serving.forecast;

import dev.seqserve.serving.web.Finite;
import dev.seqserve.serving.web.Limit;
import dev.seqserve.serving.web.WithinLimit;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /forecast}. Whether the series is long enough and the horizon in range
 * depends on the model, so the service checks those.
 *
 * @param series the observed values, oldest first
 * @param horizon how many steps ahead to forecast, 1 to the model's maximum horizon
 * @param model the model's name; the default forecast model when absent
 * @param version the version that must answer; whichever serves when absent
 * @param intervals prediction-interval levels, each strictly between 0 and 1; none when absent
 * @param lastTimestamp the ISO-8601 date (or date-time) of the series' last value; models that read the
 *     calendar need it
 */
public record ForecastRequest(
        @NotNull @Finite @WithinLimit(Limit.SERIES_LENGTH) double[] series,
        @NotNull Integer horizon,
        String model,
        String version,
        double[] intervals,
        String lastTimestamp) {}
