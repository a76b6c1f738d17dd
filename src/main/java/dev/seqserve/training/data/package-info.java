/**
 * Readers for the training data: the shared IMDb CSV, the original aclImdb folder layout and series
 * CSV files. Malformed input fails with a {@link dev.seqserve.training.data.DataFormatException}
 * naming the file, the line and the reason; gaps in a series are filled explicitly and reported.
 */
package dev.seqserve.training.data;
