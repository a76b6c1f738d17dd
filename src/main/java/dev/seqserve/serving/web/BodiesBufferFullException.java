package dev.seqserve.serving.web;

import java.io.IOException;

/** A request body refused because the bodies in memory already take {@code seqserve.limits.max-buffered-bodies}. */
final class BodiesBufferFullException extends IOException {

    private static final long serialVersionUID = 1L;

    BodiesBufferFullException() {
        super("The service holds as many request bodies in memory as it may.");
    }
}
