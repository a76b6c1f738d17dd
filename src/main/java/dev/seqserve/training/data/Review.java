package dev.seqserve.training.data;

/**
 * One labelled movie review.
 *
 * @param id a stable id, e.g. {@code train_pos_10254}
 * @param split the split it belongs to, e.g. {@code train} or {@code dev}
 * @param positive whether the label is {@code pos}
 * @param rating the star rating, 1 to 10
 * @param text the raw review, markup included
 */
public record Review(String id, String split, boolean positive, int rating, String text) {}
