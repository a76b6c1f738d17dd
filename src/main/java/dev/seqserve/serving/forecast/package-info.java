/**
 * {@code POST /forecast}: a numeric series in, the next {@code horizon} values out, in the series'
 * own units, from a forecast model whose window and maximum horizon the manifest gives.
 */
package dev.seqserve.serving.forecast;
