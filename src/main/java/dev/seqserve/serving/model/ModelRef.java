package dev.seqserve.serving.model;

/**
 * The model that produced an answer.
 *
 * @param name the model's name
 * @param version the model's version
 */
public record ModelRef(String name, String version) {}
