/**
 * Review sentiment: the train command, the network's training loop, the NB-LR baseline, pretraining on the
 * unlabelled reviews, and the artifact folder it all ends in.
 */
package dev.seqserve.training.sentiment;
