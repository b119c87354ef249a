package crm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void theOffsetOfTheLastPageNumberDoesNotOverflow() {
        assertEquals(214_748_364_700L, Page.offset(Integer.MAX_VALUE, 100));
        assertEquals(40, Page.offset(2, 20));
    }

    @Test
    void aPageStartingPastTheEndIsEmptyAndNotRead() {
        Page<String> beyond = Page.of(Integer.MAX_VALUE, 100, 3, () -> {
            throw new AssertionError("read");
        });
        assertEquals(new Page<>(List.of(), Integer.MAX_VALUE, 100, 3), beyond);
        assertEquals(new Page<>(List.of("c"), 1, 2, 3), Page.of(1, 2, 3, () -> List.of("c")));
    }

    @Test
    void outOfRangeNumbersAreRefusedNamingThem() {
        assertEquals("page", assertThrows(ProblemException.class, () -> Page.check(-1, 20, 100)).errors().get(0).field());
        assertEquals("size", assertThrows(ProblemException.class, () -> Page.check(0, 0, 100)).errors().get(0).field());
        assertEquals("size", assertThrows(ProblemException.class, () -> Page.check(0, 101, 100)).errors().get(0).field());
    }
}
