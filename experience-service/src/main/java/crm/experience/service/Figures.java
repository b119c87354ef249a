package crm.experience.service;

import crm.rest.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** What the analyses share: open period bounds, counts from SQL, means and shares. */
final class Figures {
    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    private Figures() {
    }

    /** 400 naming {@code from} unless it is before {@code to} (when both are given). */
    static void check(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalid("from", "must be before to");
        }
    }

    /** The start of [from, to), or the beginning of time if there is none. */
    static Instant from(Instant from) {
        return from == null ? BEGINNING : from;
    }

    /** The end of [from, to), or the end of time if there is none. */
    static Instant to(Instant to) {
        return to == null ? END : to;
    }

    static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** A mean score with 2 decimals, half up. */
    static BigDecimal mean(long sum, long count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** part ÷ whole as a fraction with 4 decimals (0.2500 = 25%), half up; null when the whole is zero. */
    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
