package dev.seqserve.serving.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.seqserve.serving.SeqserveProperties;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Collection;

/**
 * A string, collection or array no longer than a configured {@link Limit}; the validator is created by
 * Spring, which gives it the settings.
 */
@Documented
@Constraint(validatedBy = WithinLimit.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface WithinLimit {

    /** Which limit applies. */
    Limit value();

    String message() default "is over the limit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link WithinLimit} against {@code seqserve.*}; {@code null} is left to {@code @NotNull}. */
    final class Validator implements ConstraintValidator<WithinLimit, Object> {

        private final SeqserveProperties properties;
        private Limit limit;

        Validator(SeqserveProperties properties) {
            this.properties = properties;
        }

        @Override
        public void initialize(WithinLimit annotation) {
            this.limit = annotation.value();
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            int length;
            if (value == null) {
                return true;
            } else if (value instanceof CharSequence text) {
                // Characters are code points, as JSON Schema's maxLength counts them: an emoji is one.
                length = Character.codePointCount(text, 0, text.length());
            } else if (value instanceof Collection<?> collection) {
                length = collection.size();
            } else if (value instanceof double[] array) {
                length = array.length;
            } else {
                throw new IllegalArgumentException("@WithinLimit does not apply to " + value.getClass());
            }
            int max = limit.max(properties);
            if (length <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                    "has " + length + " " + limit.unit() + ", more than the limit of " + max)
                    .addConstraintViolation();
            return false;
        }
    }
}
