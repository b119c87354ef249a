package crm.events.outbox;

import crm.events.EventType;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The events of one bulk change, read from the service's own committed tables when the relay
 * publishes them, so that a change of a million rows commits with a single outbox row instead of a
 * million. A source yields at most one event per subject and change, and the same events each time
 * it is read (the relay may read a change again after a crash).
 */
public interface BulkEventSource<T> {

    /** The name an outbox row refers to. */
    String name();

    EventType<T> type();

    /** Passes each event of the change that {@code reference} names to {@code sink}: its subject and payload. */
    void read(String reference, BiConsumer<UUID, T> sink);
}
