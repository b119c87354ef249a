package crm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlausibleTimeValidatorTest {
    private static final Instant NOW = Instant.parse("2026-12-02T07:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    @Test
    void aTimeFromTheEarliestToADayAheadIsPlausible() {
        for (String time : new String[] {"2000-01-01T00:00:00Z", "2001-03-15T12:00:00Z", "2026-12-02T07:00:00Z",
                "2026-12-03T07:00:00Z"}) {
            assertNull(PlausibleTimeValidator.problem(Instant.parse(time), NOW, DAY, EARLIEST), time);
        }
        assertNull(PlausibleTimeValidator.problem(null, NOW, DAY, EARLIEST));
    }

    @Test
    void aTimeMoreThanTheMarginAheadOrBeforeTheEarliestSaysWhichBoundItBreaks() {
        assertEquals("must not be more than PT24H ahead of now",
                PlausibleTimeValidator.problem(Instant.parse("2026-12-03T07:00:00.000001Z"), NOW, DAY, EARLIEST));
        assertEquals("must not be more than PT24H ahead of now",
                PlausibleTimeValidator.problem(Instant.parse("2031-12-02T07:00:00Z"), NOW, DAY, EARLIEST));
        assertEquals("must not be before 2000-01-01T00:00:00Z",
                PlausibleTimeValidator.problem(Instant.parse("1999-12-31T23:59:59Z"), NOW, DAY, EARLIEST));
    }
}
