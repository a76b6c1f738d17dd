/**
 * The inference service: a Spring Boot application that loads the model artifacts, serves
 * {@code /sentiment}, {@code /forecast} and {@code /models}, and exposes health, info and metrics.
 * It imports {@code artifact} and {@code preprocess}, never {@code training}.
 */
package dev.seqserve.serving;
