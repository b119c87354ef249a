package crm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
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
    void searchTextShorterThanTheMinimumIsRefusedNamingIt() {
        assertEquals("wa", QueryParams.search("q", " wa ", 2));
        assertEquals("王伟", QueryParams.search("q", "王伟", 2));
        assertNull(QueryParams.search("q", "  ", 2));
        ProblemException e = assertThrows(ProblemException.class, () -> QueryParams.search("q", " _ ", 2));
        assertEquals(400, e.status().getStatusCode());
        assertEquals("q", e.errors().get(0).field());
        assertEquals("must be at least 2 characters", e.errors().get(0).message());
    }

    @Test
    void likePatternsMatchTheTextLiterally() {
        assertEquals("100\\% a\\_b c\\\\d", QueryParams.likeLiteral("100% a_b c\\d"));
        assertEquals("wang", QueryParams.likeLiteral("wang"));
    }
}
