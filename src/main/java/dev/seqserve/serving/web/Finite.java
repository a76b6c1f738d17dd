package dev.seqserve.serving.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Numbers that are all finite; answered as {@code non-finite-number}. JSON has no NaN or infinity, but
 * a literal such as {@code 1e999} overflows to infinity when read as a double.
 */
@Documented
@Constraint(validatedBy = Finite.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Finite {

    String message() default "must hold finite numbers only";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link Finite}; {@code null} is left to {@code @NotNull}. */
    final class Validator implements ConstraintValidator<Finite, double[]> {

        @Override
        public boolean isValid(double[] values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("value " + i + " is not a finite number")
                            .addConstraintViolation();
                    return false;
                }
            }
            return true;
        }
    }
}
