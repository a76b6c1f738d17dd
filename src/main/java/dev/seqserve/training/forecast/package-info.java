/**
 * Series forecasting: the train command, the presets of the built-in series, their spans, rolling origins,
 * the training loop and the artifact folder with its report.
 */
package dev.seqserve.training.forecast;
