package crm.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.events.customer.CustomerEvents;
import crm.events.experience.ExperienceEvents;
import crm.events.segment.SegmentEvents;
import crm.events.transaction.TransactionEvents;
import crm.testing.EventContract;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/contracts/asyncapi.yaml names every event the services publish, and holds them to their shape. */
class EventContractTest {
    private static final String REGISTERED = """
            {"specversion":"1.0","id":"0193a1c4-6f1e-7a3b-9c2d-1e2f3a4b5c6d","source":"/crm/customer-service",
             "type":"crm.CustomerRegistered","subject":"6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11",
             "time":"2026-12-02T10:00:00+08:00","datacontenttype":"application/json",
             "data":{"customerId":"6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11","kind":"CONSUMER",
                     "registeredAt":"2026-12-02T02:00:00Z"}}""";

    @Test
    void everyEventTypeTheServicesPublishHasAMessageInTheContract() throws IllegalAccessException {
        Set<String> published = new TreeSet<>();
        for (Class<?> events : List.of(CustomerEvents.class, TransactionEvents.class, SegmentEvents.class,
                ExperienceEvents.class)) {
            for (Field field : events.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class) {
                    published.add(((EventType<?>) field.get(null)).name());
                }
            }
        }
        assertEquals(11, published.size());
        assertEquals(published, new TreeSet<>(EventContract.shared().types()));
    }

    @Test
    void anEventAsPublishedKeepsTheContract() {
        assertEquals(List.of(), EventContract.shared().violations(REGISTERED));
    }

    @Test
    void aMissingFieldAWrongValueAnExtraFieldOrAnUnknownTypeBreaksIt() {
        assertTrue(EventContract.shared().violations(REGISTERED.replace("\"kind\":\"CONSUMER\",", "")).size() > 0,
                "a missing field");
        assertTrue(EventContract.shared().violations(REGISTERED.replace("CONSUMER", "ROBOT")).size() > 0,
                "a kind outside the enum");
        assertTrue(EventContract.shared().violations(REGISTERED.replace("\"kind\"", "\"phone\":\"+8613800138000\",\"kind\""))
                .size() > 0, "personal data slipped into the event");
        assertEquals(List.of("event type 'crm.CustomerSmiled' has no message in docs/contracts/asyncapi.yaml"),
                EventContract.shared().violations(REGISTERED.replace("crm.CustomerRegistered", "crm.CustomerSmiled")));
    }
}
