package crm.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.config.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Turns payload records into CloudEvents JSON and back. */
@ApplicationScoped
public class EventCodec {
    private final ObjectMapper json;
    private final EventsConfig config;

    public EventCodec(ObjectMapper json, EventsConfig config) {
        this.json = json;
        this.config = config;
    }

    public <T> CloudEvent wrap(EventType<T> type, UUID subject, T payload) {
        return wrap(type, TimeOrderedIds.next(), subject, OffsetDateTime.now(ZoneOffset.UTC), payload);
    }

    /** An event with a given id and time, for events that must read the same each time they are made. */
    public <T> CloudEvent wrap(EventType<T> type, UUID id, UUID subject, OffsetDateTime time, T payload) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), source(), type.name(), subject.toString(), time,
                CloudEvent.JSON, json.valueToTree(payload));
    }

    /** The CloudEvents source of this service's events. */
    public String source() {
        return config.source();
    }

    public String write(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise event " + event.type(), e);
        }
    }

    public CloudEvent read(String value) throws JsonProcessingException {
        return json.readValue(value, CloudEvent.class);
    }

    public <T> T payload(CloudEvent event, Class<T> payloadClass) throws JsonProcessingException {
        return json.treeToValue(event.data(), payloadClass);
    }
}
