package crm.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query parameters taken as text and parsed here, so a bad one is a 400 naming it (JAX-RS would answer 404). */
public final class QueryParams {
    // What PostgreSQL's timestamptz and ISO-8601's four-digit years both hold.
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private QueryParams() {
    }

    /** An ISO instant, or null when absent or blank. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.strip());
            if (!instant.isBefore(FIRST) && !instant.isAfter(LAST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ProblemException.invalid(field, "must be a date (2026-10-01) or an ISO instant in years 0001-9999 (2026-10-01T00:00:00Z)");
    }

    /** A UUID, or null when absent or blank. */
    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID, e.g. 6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11");
        }
    }
}
