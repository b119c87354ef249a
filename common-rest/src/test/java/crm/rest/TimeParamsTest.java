package crm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeParamsTest {
    private final TimeParams shanghai = new TimeParams(ZoneId.of("Asia/Shanghai"));

    @Test
    void aDateIsTheStartOfThatDayInTheBusinesssZone() {
        assertEquals(Instant.parse("2026-09-30T16:00:00Z"), shanghai.instant("from", "2026-10-01"));
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), new TimeParams(ZoneId.of("UTC")).instant("to", " 2026-10-01 "));
    }

    @Test
    void anInstantStaysAnInstantAndNothingIsNoBound() {
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), shanghai.instant("from", "2026-10-01T00:00:00Z"));
        assertNull(shanghai.instant("to", null));
        assertNull(shanghai.instant("to", " "));
    }

    @Test
    void anythingElseIsA400NamingTheParameter() {
        for (String bad : new String[] {"2026-13-01", "2026-02-30", "01/10/2026", "2026-10-01T00:00", "yesterday"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> shanghai.instant("from", bad), bad);
            assertEquals("from", e.errors().get(0).field());
        }
    }
}
