package crm.events.outbox;

import crm.events.EventCodec;
import crm.events.EventTracing;
import crm.events.EventType;
import crm.events.TimeOrderedIds;
import crm.events.TraceContext;
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
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records an event in the caller's transaction, so the event exists if and only if the change
 * that caused it committed. {@link OutboxRelay} publishes it to Kafka after the commit. Each row keeps the
 * trace context its events were created in ({@link EventTracing}), and each single event carries it too.
 */
@ApplicationScoped
public class Outbox {
    private final DataSource db;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final EventTracing tracing;

    public Outbox(DataSource db, EventCodec codec, OutboxRelay relay,
            TransactionSynchronizationRegistry transactions, EventTracing tracing) {
        this.db = db;
        this.codec = codec;
        this.relay = relay;
        this.transactions = transactions;
        this.tracing = tracing;
    }

    /** One event to record: the customer it is about (its subject and Kafka key) and its payload. */
    public record Message<T>(UUID subject, T payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void publish(EventType<T> type, UUID subject, T payload) {
        publish(type, List.of(new Message<>(subject, payload)));
    }

    /** Records the events in one statement, in list order (the order the relay sends them in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void publish(EventType<T> type, List<Message<T>> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Staged staged = stage(type, messages, List.of());
        insert(Staged.insertSql(null), (connection, insert) -> staged.bind(connection, insert, 1));
        staged.written();
    }

    /**
     * Events for a caller to record in a statement of its own, so that its change and its events
     * take one round trip: each event belongs to an owner (e.g. the row it announces), and only
     * the events of the owners the statement names are recorded (see {@link Staged#insertSql}).
     * The statement may run in the caller's transaction or be a transaction of its own; either way
     * the caller reports it with {@link Staged#written}.
     */
    public <T> Staged stage(EventType<T> type, List<Message<T>> messages, List<UUID> owners) {
        int n = messages.size();
        UUID[] ids = new UUID[n];
        String[] subjects = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC);
        TraceContext trace = tracing.created(type, n);
        for (int i = 0; i < n; i++) {
            Message<T> message = messages.get(i);
            ids[i] = TimeOrderedIds.next();
            subjects[i] = message.subject().toString();
            payloads[i] = codec.write(type, ids[i], message.subject(), time, message.payload(), trace);
        }
        return new Staged(type, ids, subjects, payloads, owners.toArray(UUID[]::new), trace, this::written);
    }

    /** Rows inserted: the relay sends them once they are committed, at once if they are already. */
    private void written() {
        if (transactions.getTransactionKey() == null) {
            relay.wake();
        } else {
            transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        }
    }

    /**
     * Events ready to insert: {@link #insertSql} and {@link #bind} put them in a caller's statement,
     * and {@link #written} reports it once it has run.
     */
    public record Staged(EventType<?> type, UUID[] ids, String[] subjects, String[] payloads, UUID[] owners,
            TraceContext trace, Runnable onWritten) {

        /**
         * Call once the statement that inserts these events has run, in the transaction it ran in (if
         * any): the relay sends them after that transaction commits, or at once when the statement was
         * a transaction of its own.
         */
        public void written() {
            onWritten.run();
        }

        /**
         * An insert of the events, in order, with nine parameters ({@link #bind}); {@code owners} (a
         * query of ids, e.g. a data-modifying WITH query's RETURNING) keeps the events of those owners,
         * null keeps them all.
         */
        public static String insertSql(String owners) {
            return """
                    INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at, traceparent, tracestate)
                    SELECT e.id, ?, e.event_key, ?, e.payload::jsonb, ?, ?, ?
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[]) WITH ORDINALITY
                        AS e(id, event_key, payload, owner, n)
                    %s
                    ORDER BY e.n""".formatted(owners == null ? "" : "WHERE e.owner IN (" + owners + ")");
        }

        /** Binds the parameters of {@link #insertSql} from {@code index}; returns the next index. */
        public int bind(Connection connection, PreparedStatement statement, int index) throws SQLException {
            statement.setString(index, type.topic());
            statement.setString(index + 1, type.name());
            statement.setObject(index + 2, OffsetDateTime.now(ZoneOffset.UTC));
            statement.setString(index + 3, trace.traceparent());
            statement.setString(index + 4, trace.tracestate());
            statement.setArray(index + 5, connection.createArrayOf("uuid", ids));
            statement.setObject(index + 6, subjects);
            statement.setObject(index + 7, payloads);
            statement.setArray(index + 8, connection.createArrayOf("uuid", owners));
            return index + 9;
        }
    }

    /**
     * Records, in one row, every event of a bulk change that {@code source} will read when the relay
     * publishes them; {@code reference} tells the source which change (e.g. a period and its revision).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishBulk(EventType<?> type, String source, String reference) {
        TraceContext trace = tracing.createdInBulk(type, source);
        insert("""
                INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at, bulk, traceparent, tracestate)
                VALUES (?, ?, ?, ?, to_jsonb(CAST(? AS text)), ?, ?, ?, ?)""", (connection, insert) -> {
            insert.setObject(1, TimeOrderedIds.next());
            insert.setString(2, type.topic());
            insert.setString(3, reference);
            insert.setString(4, type.name());
            insert.setString(5, reference);
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(7, source);
            insert.setString(8, trace.traceparent());
            insert.setString(9, trace.tracestate());
        });
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
    }

    private interface Parameters {
        void set(Connection connection, PreparedStatement insert) throws SQLException;
    }

    /** Runs an insert on the transaction's own connection (the datasource hands the same one to every user of a transaction). */
    private void insert(String sql, Parameters parameters) {
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            parameters.set(connection, insert);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record outbox events: " + e.getMessage(), e);
        }
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
