package dev.seqserve.serving.forecast;

import dev.seqserve.serving.model.ModelRef;

/**
 * The answer of {@code POST /forecast}.
 *
 * @param forecast the next {@code horizon} values, in the series' own units
 * @param horizon how many values {@code forecast} holds
 * @param model the model that answered
 */
record ForecastResponse(double[] forecast, int horizon, ModelRef model) {}
