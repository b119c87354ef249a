package crm.experience.rest;

import crm.experience.domain.Cohort;
import crm.experience.service.AnalysisScope;
import crm.rest.ProblemException;
import java.util.Arrays;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query parameters read as text and parsed here, so a bad one is a 400 naming it rather than a 404. */
final class Queries {

    private Queries() {
    }

    static int positive(String field, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(field, "must be a whole number of 1 or more");
    }

    /** An ISO instant, or null when absent. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO instant, e.g. 2026-10-01T00:00:00Z");
        }
    }

    static AnalysisScope scope(String code, String from, String to, String store) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        return new AnalysisScope(code, start, end, store == null || store.isBlank() ? null : store.strip());
    }

    static Cohort cohort(String value) {
        if (value == null || value.isBlank()) {
            return Cohort.ALL;
        }
        try {
            return Cohort.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cohort", "must be one of " + Arrays.toString(Cohort.values()));
        }
    }

    /** A UUID, or null when absent. */
    static UUID uuid(String field, String value) {
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
