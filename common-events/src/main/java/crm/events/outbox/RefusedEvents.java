package crm.events.outbox;

import crm.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The outbox rows the broker refused for good ({@code refused_at}, {@code refusal}; see {@link OutboxRelay}), for an
 * operator: listed newest first without their payload (it may hold what an admin list must not echo), and queued
 * again once the cause is gone (a topic's limit raised, say). A row queued again keeps its place: the relay reads
 * unsent rows in the order they were written, so it goes out before every row still waiting behind it.
 */
@ApplicationScoped
public class RefusedEvents {
    private static final Logger LOG = Logger.getLogger(RefusedEvents.class);
    private static final String COUNT = "SELECT count(*) FROM outbox_event WHERE refused_at IS NOT NULL";
    private static final String NEWEST = """
            SELECT id, topic, type, event_key, octet_length(CAST(payload AS text)) AS size_bytes, refusal, refused_at,
                created_at
            FROM outbox_event WHERE refused_at IS NOT NULL
            ORDER BY refused_at DESC, position DESC LIMIT ? OFFSET ?""";
    /** Clears the refusal and answers the row as it was refused ({@code was}: the row before this update). */
    private static final String REQUEUE = """
            UPDATE outbox_event o SET refused_at = NULL, refusal = NULL
            FROM outbox_event was
            WHERE o.id = ? AND o.refused_at IS NOT NULL AND was.id = o.id
            RETURNING o.id, o.topic, o.type, o.event_key, octet_length(CAST(o.payload AS text)) AS size_bytes,
                was.refusal, was.refused_at, o.created_at""";
    private static final String EXISTS = "SELECT 1 FROM outbox_event WHERE id = ?";

    private final DataSource db;
    private final OutboxRelay relay;

    public RefusedEvents(DataSource db, OutboxRelay relay) {
        this.db = db;
        this.relay = relay;
    }

    /** An event the broker refused, without its payload. */
    @Schema(name = "RefusedEvent",
            description = "An event the broker refused for good, set aside; its payload is not shown")
    public record RefusedEvent(
            @Schema(description = "The outbox row's id (the event's id, or for a bulk change the row that stands"
                    + " for its events)")
            UUID id,
            @Schema(examples = "crm.customer.v1") String topic,
            @Schema(examples = "crm.CustomerUpdated") String type,
            @Schema(description = "The record's key: the customer's id, or a bulk change's reference") String key,
            @Schema(description = "Size of the record's value in bytes, as the relay sends it") long sizeBytes,
            @Schema(description = "The broker's or the producer's reason",
                    examples = "org.apache.kafka.common.errors.RecordTooLargeException: The message is 2000051 bytes")
            String refusal,
            Instant refusedAt,
            Instant createdAt) {
    }

    /** The refused events, newest refusal first. */
    public Page<RefusedEvent> list(int page, int size) {
        return Page.of(page, size, count(), () -> newest(size, Page.offset(page, size)));
    }

    /**
     * Clears the event's refusal, so the relay sends it again in its place; the event as it was refused, or
     * empty if no row of that id is refused ({@link #exists} tells an unknown id from one not refused).
     */
    public Optional<RefusedEvent> replay(UUID id) {
        Optional<RefusedEvent> queued = query(REQUEUE, statement -> statement.setObject(1, id)).stream().findFirst();
        queued.ifPresent(event -> {
            LOG.infof("Outbox event %s (%s) queued again after its refusal: %s", id, event.type(), event.refusal());
            relay.wake();
        });
        return queued;
    }

    /** Whether the outbox holds a row of this id (sent, waiting or refused). */
    public boolean exists(UUID id) {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(EXISTS)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox: " + e.getMessage(), e);
        }
    }

    private long count() {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox: " + e.getMessage(), e);
        }
    }

    private List<RefusedEvent> newest(int limit, long offset) {
        return query(NEWEST, statement -> {
            statement.setInt(1, limit);
            statement.setLong(2, offset);
        });
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private List<RefusedEvent> query(String sql, Parameters parameters) {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            List<RefusedEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new RefusedEvent(rows.getObject("id", UUID.class), rows.getString("topic"),
                            rows.getString("type"), rows.getString("event_key"), rows.getLong("size_bytes"),
                            rows.getString("refusal"), instant(rows, "refused_at"), instant(rows, "created_at")));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
