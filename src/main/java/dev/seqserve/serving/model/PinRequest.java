package dev.seqserve.serving.model;

import dev.seqserve.serving.web.HasText;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /admin/models/{name}/pin}.
 *
 * @param version the version to serve, as {@code GET /models/{name}} lists it
 */
record PinRequest(@NotNull @HasText String version) {}
