package crm.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Query parameters taken as text and parsed here, so a bad one is a 400 naming it. Enums, UUIDs,
 * numbers and booleans are typed parameters, converted by {@link ParameterConverters}.
 */
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


    /**
     * Search text, stripped: null when absent or blank, a 400 naming the field when shorter than
     * {@code minLength} characters (a letter or two match nearly everyone, and count them all).
     */
    public static String search(String field, String value, int minLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePointCount(0, text.length()) < minLength) {
            throw ProblemException.invalid(field, "must be at least " + minLength + " characters");
        }
        return text;
    }

    /** The text as a LIKE (ILIKE) pattern that matches it literally: {@code %}, {@code _} and {@code \} escaped. */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
