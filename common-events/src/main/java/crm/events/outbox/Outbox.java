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
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
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
     * Records one event per row of {@code rowsSql} in a single statement, for changes made in bulk
     * (a period close): the query yields {@code subject} (text) and {@code data} (jsonb). The
     * envelope is the one {@link EventCodec} writes. Returns the number of events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishAll(EventType<?> type, String rowsSql, Map<String, Object> params) {
        Query insert = em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at)
                SELECT e.id, :crmTopic, e.subject, :crmType, jsonb_build_object(
                        'specversion', '1.0', 'id', e.id::text, 'source', :crmSource, 'type', :crmType,
                        'subject', e.subject, 'time', :crmTime, 'datacontenttype', 'application/json', 'data', e.data),
                    :crmNow
                FROM (SELECT gen_random_uuid() AS id, r.subject, r.data FROM (%s) r) e""".formatted(rowsSql))
                .setParameter("crmTopic", type.topic())
                .setParameter("crmType", type.name())
                .setParameter("crmSource", codec.source())
                .setParameter("crmTime", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .setParameter("crmNow", Instant.now());
        params.forEach(insert::setParameter);
        int published = insert.executeUpdate();
        if (published > 0) {
            transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        }
        return published;
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
