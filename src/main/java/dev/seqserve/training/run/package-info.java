/** What every training run shares: its common options, the epoch loop with early stopping, and its provenance. */
package dev.seqserve.training.run;
