/**
 * {@code POST /sentiment}: one review or a batch of reviews in, the probability that each is positive
 * out, with the tokens used and whether the review was truncated.
 */
package dev.seqserve.serving.sentiment;
