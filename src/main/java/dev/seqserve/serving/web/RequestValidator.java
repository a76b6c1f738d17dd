package dev.seqserve.serving.web;

import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Validator;

/**
 * Checks a request record that another protocol's endpoint built in code (the V2 endpoints build the
 * task endpoints' records) with the validator, the constraints and the problem types that a
 * {@code @Valid} request body gets, so each limit has one place.
 */
@Service
public final class RequestValidator {

    private final Validator validator;

    /** @param validator the validator Spring MVC applies to {@code @Valid} bodies */
    RequestValidator(@Qualifier("mvcValidator") Validator validator) {
        this.validator = validator;
    }

    /**
     * @param request a request record with Bean Validation constraints
     * @param fieldName how the error names a field, e.g. {@code texts[2]} as the caller's protocol spells it
     * @throws InvalidInputException of the most fundamental failure's problem type when a constraint fails
     */
    public void check(Object request, UnaryOperator<String> fieldName) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(request, "request");
        validator.validate(request, errors);
        if (errors.hasErrors()) {
            Violations.Verdict verdict = Violations.judge(errors, fieldName);
            throw new InvalidInputException(verdict.type(), verdict.detail());
        }
    }
}
