package dev.seqserve.serving.model;

/**
 * A review's answer from the graph.
 *
 * @param probability the positive class's
 * @param attributions for an explained review, each id's contribution to the logit of {@code probability}, in order
 *     (they add up to it minus the output layer's bias); null for a plain one
 */
public record TokenScore(float probability, float[] attributions) {}
