package crm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link PlausibleTime} against this server's clock and {@link DatesConfig}, looked up when a time is checked:
 * validators are made at static init, before the runtime configuration.
 */
@ApplicationScoped
public class PlausibleTimeValidator implements ConstraintValidator<PlausibleTime, Instant> {
    private final Provider<DatesConfig> config;

    public PlausibleTimeValidator(Provider<DatesConfig> config) {
        this.config = config;
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        DatesConfig dates = config.get();
        String problem = problem(value, Instant.now(), dates.ahead(), dates.earliest());
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** What is wrong with {@code value} at {@code now}, or null. */
    static String problem(Instant value, Instant now, Duration ahead, Instant earliest) {
        if (value == null) {
            return null;
        }
        if (value.isBefore(earliest)) {
            return "must not be before " + earliest;
        }
        if (value.isAfter(now.plus(ahead))) {
            return "must not be more than " + ahead + " ahead of now";
        }
        return null;
    }
}
