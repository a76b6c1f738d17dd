/**
 * Evaluation for training reports: accuracy and forecast errors (MAE, RMSE, MASE), the baselines a
 * forecaster must beat (persistence, seasonal naive, a least-squares autoregression) and a direct
 * linear model on the series codec's inputs. Pure functions over arrays.
 */
package dev.seqserve.training.eval;
