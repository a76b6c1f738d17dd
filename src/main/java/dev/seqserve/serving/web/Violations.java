package dev.seqserve.serving.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** Chooses the problem type of a failed Bean Validation from the constraints that failed. */
final class Violations {

    private Violations() {}

    /**
     * @param type the most fundamental kind among the failures
     * @param detail a sentence about that failure
     * @param errors every failure, for the {@code errors} member
     */
    record Verdict(ProblemType type, String detail, List<FieldProblem> errors) {}

    /**
     * One failed constraint.
     *
     * @param field the JSON path of the field, e.g. {@code texts[2]}, or the object's name
     * @param type the kind of problem
     * @param message what is wrong
     */
    record FieldProblem(String field, String type, String message) {}

    static Verdict judge(BindingResult result) {
        return judge(result, UnaryOperator.identity());
    }

    /** @param fieldName how the answer names a field of the validated object, e.g. as another API spells it */
    static Verdict judge(BindingResult result, UnaryOperator<String> fieldName) {
        List<Judged> judged = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            String field = fieldName.apply(error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName());
            boolean whole = error.contains(ConstraintViolation.class)
                    && error.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAnnotation() instanceof AssertTrue;
            judged.add(new Judged(field, typeOf(error), error.getDefaultMessage(), whole));
        }
        judged.sort(Comparator.comparing(Judged::type).thenComparing(Judged::field));
        Judged first = judged.get(0);
        List<FieldProblem> errors = judged.stream()
                .map(j -> new FieldProblem(j.field(), j.type().uri().toString(), j.message()))
                .toList();
        String detail = first.whole() ? first.message() + "." : "Field \"" + first.field() + "\" " + first.message() + ".";
        return new Verdict(first.type(), detail, errors);
    }

    private static ProblemType typeOf(ObjectError error) {
        if (!error.contains(ConstraintViolation.class)) {
            return ProblemType.INVALID_REQUEST;
        }
        var descriptor = error.unwrap(ConstraintViolation.class).getConstraintDescriptor();
        if (descriptor.getPayload().contains(ProblemPayload.MissingField.class)) {
            return ProblemType.MISSING_FIELD;
        }
        Annotation constraint = descriptor.getAnnotation();
        if (constraint instanceof WithinLimit limit) {
            return limit.value().problem();
        } else if (constraint instanceof HasText) {
            return ProblemType.BLANK_TEXT;
        } else if (constraint instanceof Finite) {
            return ProblemType.NON_FINITE_NUMBER;
        } else if (constraint instanceof NotNull) {
            return ProblemType.MISSING_FIELD;
        }
        return ProblemType.INVALID_REQUEST;
    }

    /** A failure; {@code whole} when its message is a sentence about the request as a whole. */
    private record Judged(String field, ProblemType type, String message, boolean whole) {}
}
