package crm.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.config.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
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

    /** The event as CloudEvents JSON, with no trace context. */
    public <T> String write(EventType<T> type, UUID id, UUID subject, OffsetDateTime time, T payload) {
        return write(type, id, subject, time, payload, TraceContext.NONE);
    }

    /**
     * The event as CloudEvents JSON, the same as a {@link CloudEvent} with this payload as its data
     * would read, written in one pass (no JSON tree in between); {@code trace} is the context it was created in.
     */
    public <T> String write(EventType<T> type, UUID id, UUID subject, OffsetDateTime time, T payload,
            TraceContext trace) {
        Envelope event = new Envelope(CloudEvent.SPEC_VERSION, id.toString(), source(), type.name(), subject.toString(),
                time, CloudEvent.JSON, trace.traceparent(), trace.tracestate(), payload);
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise event " + type.name(), e);
        }
    }

    /** {@link CloudEvent}'s fields in its order, with the payload as it is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Envelope(String specversion, String id, String source, String type, String subject,
            OffsetDateTime time, String datacontenttype, String traceparent, String tracestate, Object data) {
    }

    /** The CloudEvents source of this service's events. */
    public String source() {
        return config.source();
    }

    public CloudEvent read(String value) throws JsonProcessingException {
        return json.readValue(value, CloudEvent.class);
    }

    public <T> T payload(CloudEvent event, Class<T> payloadClass) throws JsonProcessingException {
        return json.treeToValue(event.data(), payloadClass);
    }
}
