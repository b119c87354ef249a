package crm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void instantsAreIsoWithinFourDigitYears() {
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), QueryParams.instant("from", " 2026-10-01T00:00:00Z "));
        assertNull(QueryParams.instant("from", " "));
        for (String bad : new String[] {"yesterday", "2026-10-01", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.instant("to", bad));
            assertEquals(400, e.status().getStatusCode());
            assertEquals("to", e.errors().get(0).field());
        }
    }

    @Test
    void uuidsAreNamedWhenBad() {
        UUID id = UUID.randomUUID();
        assertEquals(id, QueryParams.uuid("customerId", id.toString()));
        assertEquals("customerId", assertThrows(ProblemException.class, () -> QueryParams.uuid("customerId", "c-1"))
                .errors().get(0).field());
    }
}
