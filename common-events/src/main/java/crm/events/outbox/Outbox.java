package crm.events.outbox;

import crm.events.CloudEvent;
import crm.events.EventCodec;
import crm.events.EventType;
import crm.events.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records an event in the caller's transaction, so the event exists if and only if the change
 * that caused it committed. {@link OutboxRelay} publishes it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {
    private final DataSource db;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(DataSource db, EventCodec codec, OutboxRelay relay,
            TransactionSynchronizationRegistry transactions) {
        this.db = db;
        this.codec = codec;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** One event to record: the customer it is about (its subject and Kafka key) and its payload. */
    public record Message<T>(UUID subject, T payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent publish(EventType<T> type, UUID subject, T payload) {
        return publish(type, List.of(new Message<>(subject, payload))).get(0);
    }

    /** Records the events in one statement, in list order (the order the relay sends them in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<CloudEvent> publish(EventType<T> type, List<Message<T>> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<CloudEvent> events = new ArrayList<>(messages.size());
        UUID[] ids = new UUID[messages.size()];
        String[] keys = new String[messages.size()];
        String[] payloads = new String[messages.size()];
        for (Message<T> message : messages) {
            CloudEvent event = codec.wrap(type, message.subject(), message.payload());
            ids[events.size()] = UUID.fromString(event.id());
            keys[events.size()] = event.subject();
            payloads[events.size()] = codec.write(event);
            events.add(event);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        insert("""
                INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at)
                SELECT e.id, ?, e.event_key, ?, e.payload::jsonb, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[]) WITH ORDINALITY AS e(id, event_key, payload, n)
                ORDER BY e.n""", (connection, insert) -> {
            insert.setString(1, type.topic());
            insert.setString(2, type.name());
            insert.setObject(3, now);
            insert.setArray(4, connection.createArrayOf("uuid", ids));
            insert.setArray(5, connection.createArrayOf("text", keys));
            insert.setArray(6, connection.createArrayOf("text", payloads));
        });
        return events;
    }

    /**
     * Records, in one row, every event of a bulk change that {@code source} will read when the relay
     * publishes them; {@code reference} tells the source which change (e.g. a period and its revision).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishBulk(EventType<?> type, String source, String reference) {
        insert("""
                INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at, bulk)
                VALUES (?, ?, ?, ?, to_jsonb(CAST(? AS text)), ?, ?)""", (connection, insert) -> {
            insert.setObject(1, TimeOrderedIds.next());
            insert.setString(2, type.topic());
            insert.setString(3, reference);
            insert.setString(4, type.name());
            insert.setString(5, reference);
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(7, source);
        });
    }

    private interface Parameters {
        void set(Connection connection, PreparedStatement insert) throws SQLException;
    }

    /**
     * Runs an insert on the transaction's own connection (the datasource hands the same one to
     * every user of a transaction) and wakes the relay after the commit.
     */
    private void insert(String sql, Parameters parameters) {
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            parameters.set(connection, insert);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record outbox events: " + e.getMessage(), e);
        }
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
