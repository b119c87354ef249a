package crm.events.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import crm.events.CloudEvent;
import crm.events.EventCodec;
import crm.events.EventTracing;
import crm.events.config.EventsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Set;

/**
 * Applies one event through the action its type's {@link EventHandler} registered, in a transaction
 * of its own, recording its id first so a second delivery (or a replay) has no second effect. The
 * consumer applies what it polls; a replay of a set-aside event goes through here too. Each event it handles
 * is applied in a consumer span in the trace the event carries ({@link EventTracing}).
 */
@ApplicationScoped
public class EventApplier {
    private final Instance<EventHandler> handlers;
    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final EventsConfig config;
    private final EventTracing tracing;
    private final Subscriptions subscriptions = new Subscriptions();

    public EventApplier(Instance<EventHandler> handlers, ProcessedEvents processed, EventCodec codec,
            EventsConfig config, EventTracing tracing) {
        this.handlers = handlers;
        this.processed = processed;
        this.codec = codec;
        this.config = config;
        this.tracing = tracing;
    }

    @PostConstruct
    void subscribe() {
        handlers.forEach(handler -> handler.subscribe(subscriptions));
    }

    Set<String> topics() {
        return subscriptions.topics();
    }

    boolean isEmpty() {
        return subscriptions.isEmpty();
    }

    /**
     * Applies the event a record holds, running {@code alsoInTransaction} (if not null) in the same transaction;
     * true if this was its first application (an event of a type nobody here handles counts as applied).
     *
     * @throws InvalidEvent if the record is not an event this service can read
     */
    boolean apply(String value, Runnable alsoInTransaction) {
        if (value == null) {
            throw new InvalidEvent("empty record");
        }
        CloudEvent event;
        try {
            event = codec.read(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEvent("not a CloudEvent: " + e.getOriginalMessage());
        }
        if (event.id() == null || event.type() == null) {
            throw new InvalidEvent("a CloudEvent needs an id and a type");
        }
        Subscriptions.Action<?> action = subscriptions.action(event.type());
        if (action == null) {
            if (alsoInTransaction != null) {
                QuarkusTransaction.requiringNew().run(alsoInTransaction);
            }
            return true;
        }
        return tracing.process(event, action.type().topic(), config.consumerGroup(),
                () -> apply(event, action, alsoInTransaction));
    }

    private <T> boolean apply(CloudEvent event, Subscriptions.Action<T> action, Runnable alsoInTransaction) {
        T payload;
        try {
            payload = event.data() == null ? null : codec.payload(event, action.type().payloadClass());
        } catch (JsonProcessingException e) {
            throw new InvalidEvent("unreadable " + event.type() + " payload: " + e.getOriginalMessage());
        }
        if (payload == null) {
            throw new InvalidEvent(event.type() + " without data");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (alsoInTransaction != null) {
                alsoInTransaction.run();
            }
            if (!processed.firstDelivery(config.consumerGroup(), event.id())) {
                return false;
            }
            action.apply(payload);
            return true;
        });
    }
}
