package dev.seqserve.serving.web;

import java.io.IOException;

/** A request body longer than {@code seqserve.limits.max-request-size}. */
final class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    PayloadTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
    }
}
