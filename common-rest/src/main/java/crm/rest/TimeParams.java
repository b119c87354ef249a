package crm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code from} and {@code to} query parameters as an integrator types them: a date
 * ({@code 2026-10-01}, the start of that day in the business's time zone, {@code crm.zone}) or an
 * ISO instant ({@code 2026-10-01T00:00:00Z}). A window is [from, to).
 */
@ApplicationScoped
public class TimeParams {
    /** For the contract: what a from or to parameter takes. */
    public static final String DESCRIPTION = "A date (2026-10-01: the start of that day in the business's time zone) "
            + "or an ISO instant (2026-10-01T00:00:00Z); from inclusive, to exclusive";

    private final ZoneId zone;

    public TimeParams(@ConfigProperty(name = "crm.zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.zone = zone;
    }

    /** The moment a parameter names, or null when absent or blank; a 400 naming it when it is neither form. */
    public Instant instant(String field, String value) {
        if (value != null && value.strip().length() == 10) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay(zone).toInstant();
            } catch (DateTimeException e) {
                throw ProblemException.invalid(field, "must be a date (2026-10-01) or an ISO instant (2026-10-01T00:00:00Z)");
            }
        }
        return QueryParams.instant(field, value);
    }
}
