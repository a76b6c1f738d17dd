/** Choosing a forecaster's configuration by rolling-origin cross-validation over a grid, never by the test span. */
package dev.seqserve.training.selection;
