package crm.experience.domain;

import static crm.experience.domain.ComplaintStatus.ACKNOWLEDGED;
import static crm.experience.domain.ComplaintStatus.CLOSED;
import static crm.experience.domain.ComplaintStatus.OPEN;
import static crm.experience.domain.ComplaintStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplaintStatusTest {

    /** The only legal moves: each status to the next one. */
    private static final Map<ComplaintStatus, Set<ComplaintStatus>> LEGAL = Map.of(
            OPEN, EnumSet.of(ACKNOWLEDGED),
            ACKNOWLEDGED, EnumSet.of(RESOLVED),
            RESOLVED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(ComplaintStatus.class));

    @Test
    void everyPairOfStatuses() {
        int legal = 0;
        for (ComplaintStatus from : ComplaintStatus.values()) {
            for (ComplaintStatus to : ComplaintStatus.values()) {
                boolean expected = LEGAL.get(from).contains(to);
                assertEquals(expected, from.canMoveTo(to), from + " → " + to);
                legal += expected ? 1 : 0;
            }
        }
        assertEquals(3, legal, "3 legal moves of 16 pairs");
    }
}
