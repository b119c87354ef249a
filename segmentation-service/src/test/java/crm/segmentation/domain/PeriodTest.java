package crm.segmentation.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aMonthEndsAtMidnightOfItsLastDayInTheBusinesssTimeZone() {
        Period november = Period.parse("2026-11").orElseThrow();
        assertFalse(november.hasEndedAt(Instant.parse("2026-11-30T15:59:59.999Z"), SHANGHAI));
        assertTrue(november.hasEndedAt(Instant.parse("2026-11-30T16:00:00Z"), SHANGHAI));
        assertFalse(november.hasEndedAt(Instant.parse("2026-11-30T23:59:59Z"), ZoneId.of("UTC")));
    }

    @Test
    void aQuarterEndsWithItsLastMonth() {
        Period q4 = Period.parse("2026-Q4").orElseThrow();
        assertFalse(q4.hasEndedAt(Instant.parse("2026-12-02T00:00:00Z"), SHANGHAI));
        assertTrue(q4.hasEndedAt(Instant.parse("2026-12-31T16:00:00Z"), SHANGHAI));
        assertTrue(Period.parse("2026-Q3").orElseThrow().hasEndedAt(Instant.parse("2026-09-30T16:00:00Z"), SHANGHAI));
    }
}
