package crm.events.outbox;

import crm.events.CloudEvent;
import crm.events.EventCodec;
import crm.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction, so the event exists if and only if the change
 * that caused it committed. {@link OutboxRelay} publishes it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager em;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(EntityManager em, EventCodec codec, OutboxRelay relay,
            TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.codec = codec;
        this.relay = relay;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent publish(EventType<T> type, UUID subject, T payload) {
        CloudEvent event = codec.wrap(type, subject, payload);
        em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6)""")
                .setParameter(1, UUID.fromString(event.id()))
                .setParameter(2, type.topic())
                .setParameter(3, event.subject())
                .setParameter(4, event.type())
                .setParameter(5, codec.write(event))
                .setParameter(6, Instant.now())
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return event;
    }

    /**
     * Records, in one row, every event of a bulk change that {@code source} will read when the relay
     * publishes them; {@code reference} tells the source which change (e.g. a period and its revision).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishBulk(EventType<?> type, String source, String reference) {
        em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at, bulk)
                VALUES (?1, ?2, ?3, ?4, to_jsonb(CAST(?3 AS text)), ?5, ?6)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, type.topic())
                .setParameter(3, reference)
                .setParameter(4, type.name())
                .setParameter(5, Instant.now())
                .setParameter(6, source)
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
