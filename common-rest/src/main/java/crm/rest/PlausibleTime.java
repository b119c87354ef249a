package crm.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The time something happened, as a client reports it: not before {@code crm.dates.earliest} and not
 * more than {@code crm.dates.ahead} past now ({@link DatesConfig}). Null is valid (say @NotNull where
 * it is not).
 */
@Documented
@Constraint(validatedBy = PlausibleTimeValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlausibleTime {
    String message() default "must be a plausible time";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
