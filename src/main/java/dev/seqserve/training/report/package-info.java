/** What a training run shows and leaves behind: the progress bar, plots and the markdown report. */
package dev.seqserve.training.report;
