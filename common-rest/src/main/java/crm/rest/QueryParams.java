package crm.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query parameters taken as text and parsed here, so a bad one is a 400 naming it (JAX-RS would answer 404). */
public final class QueryParams {

    private QueryParams() {
    }

    /** An ISO instant, or null when absent or blank. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO instant, e.g. 2026-10-01T00:00:00Z");
        }
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
