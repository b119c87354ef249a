package crm.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EventsAdminOperationsTest {

    @Test
    void eachServicesOperationsOverItsEventsSetAsideAreNamedAfterIt() {
        assertEquals("listFailedCustomerEvents", EventsAdminOperations.operationId("customers", "failed", false));
        assertEquals("replayFailedSegmentEvent", EventsAdminOperations.operationId("segments", "failed", true));
        assertEquals("listRefusedExperienceEvents", EventsAdminOperations.operationId("experience", "refused", false));
        assertEquals("replayRefusedCustomerEvent", EventsAdminOperations.operationId("customers", "refused", true));
    }
}
