package dev.seqserve.serving.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.seqserve.serving.model.ModelRef;
import java.util.List;

/**
 * The answer of {@code POST /forecast}.
 *
 * @param forecast the next {@code horizon} values, in the series' own units
 * @param horizon how many values {@code forecast} holds
 * @param model the model that answered
 * @param intervals one per requested level, in the request's order; absent when none was requested
 */
record ForecastResponse(double[] forecast, int horizon, ModelRef model,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Interval> intervals) {

    /**
     * A prediction interval for every step of the forecast.
     *
     * @param level the probability, by the model's calibration, that an actual value falls inside
     * @param lower one bound per step, at most the forecast
     * @param upper one bound per step, at least the forecast
     */
    record Interval(double level, double[] lower, double[] upper) {}
}
