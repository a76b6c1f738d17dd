package dev.seqserve.serving.web;

import jakarta.validation.Payload;

/** Bean Validation payloads that choose the problem a violated constraint is answered with. */
public interface ProblemPayload extends Payload {

    /** Answered as {@code missing-field}. */
    interface MissingField extends ProblemPayload {}
}
