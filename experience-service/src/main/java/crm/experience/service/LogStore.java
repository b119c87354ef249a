package crm.experience.service;

import crm.events.outbox.Outbox;
import crm.events.outbox.SetWrites;
import crm.experience.domain.LogEntry;
import crm.experience.domain.RecordedBy;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A log request's write in one statement and one round trip, in the caller's transaction (the
 * datasource hands every user of a transaction the same connection) or, without one, as a
 * transaction of its own: it locks the visit, inserts the entries for touch points the visit has
 * none for yet, with their positions in the visit's journey version, and their events, and answers
 * with the visit as stored.
 */
@ApplicationScoped
public class LogStore {
    private static final String WRITE = SetWrites.sql("""
            WITH v AS MATERIALIZED (
                SELECT visit_id, journey_id, journey_code, customer_id, store, started_at FROM visit
                WHERE visit_id = ? FOR NO KEY UPDATE
            ),
            inserted AS (
                INSERT INTO log_entry (id, visit_id, touch_point_code, position, score, occurred_at, note, recorded_by,
                    recorded_at)
                SELECT e.id, v.visit_id, e.touch_point_code, t.position, e.score::smallint, e.occurred_at::timestamptz,
                    e.note, ?, ?
                FROM unnest(?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[]) WITH ORDINALITY
                    AS e(id, touch_point_code, score, occurred_at, note, n)
                JOIN v ON v.journey_code = ?::text AND v.customer_id IS NOT DISTINCT FROM ?::uuid
                    AND v.store IS NOT DISTINCT FROM ?::text
                JOIN touch_point t ON t.journey_id = v.journey_id AND t.code = e.touch_point_code
                WHERE NOT ?::boolean OR e.occurred_at::timestamptz >= v.started_at
                ORDER BY e.n
                ON CONFLICT (visit_id, touch_point_code) DO NOTHING
                RETURNING id
            ),
            events AS (%s)
            SELECT v.journey_id, v.journey_code, v.customer_id, v.store, v.started_at, i.id
            FROM v LEFT JOIN inserted i ON true""".formatted(Outbox.Staged.insertSql("SELECT id FROM inserted")));

    private final AgroalDataSource db;

    public LogStore(AgroalDataSource db) {
        this.db = db;
    }

    /** A visit as stored: its journey version and the fields every request for it must repeat. */
    public record StoredVisit(String visitId, UUID journeyId, String journeyCode, UUID customerId, String store,
            Instant startedAt) {
    }

    /** The visit (null: there is none yet, and nothing was written) and the ids of the entries inserted. */
    public record Written(StoredVisit visit, Set<UUID> inserted) {
    }

    /**
     * Locks the visit and, if its journey code, customer and store are the ones given, inserts the
     * entries whose touch point is in its journey version and not taken yet (with {@code fromStart},
     * only those not before the visit's start), with the events staged for them (each event's owner is
     * its entry's id). Every entry has {@code recordedBy} and {@code recordedAt}.
     */
    public Written write(String visitId, String journeyCode, UUID customerId, String store, List<LogEntry> entries,
            RecordedBy recordedBy, Instant recordedAt, Outbox.Staged events, boolean fromStart) {
        int n = entries.size();
        UUID[] ids = new UUID[n];
        Integer[] scores = new Integer[n];
        String[][] text = new String[3][n];
        for (int i = 0; i < n; i++) {
            LogEntry e = entries.get(i);
            ids[i] = e.id;
            scores[i] = e.score;
            text[0][i] = e.touchPointCode;
            text[1][i] = e.occurredAt.toString();
            text[2][i] = e.note;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(WRITE)) {
            s.setString(1, visitId);
            s.setString(2, recordedBy.name());
            s.setObject(3, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
            s.setArray(4, c.createArrayOf("uuid", ids));
            s.setObject(5, text[0]);
            s.setObject(6, scores);
            s.setObject(7, text[1]);
            s.setObject(8, text[2]);
            s.setString(9, journeyCode);
            s.setObject(10, customerId, Types.OTHER);
            s.setString(11, store);
            s.setBoolean(12, fromStart);
            events.bind(c, s, 13);
            Written written = read(visitId, SetWrites.rows(s));
            events.written();
            return written;
        } catch (SQLException e) {
            throw new IllegalStateException("Log write failed: " + e.getMessage(), e);
        }
    }

    private static Written read(String visitId, ResultSet rows) throws SQLException {
        try (rows) {
            StoredVisit visit = null;
            Set<UUID> inserted = new HashSet<>();
            while (rows.next()) {
                if (visit == null) {
                    visit = new StoredVisit(visitId, rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getObject(3, UUID.class), rows.getString(4),
                            rows.getObject(5, OffsetDateTime.class).toInstant());
                }
                UUID id = rows.getObject(6, UUID.class);
                if (id != null) {
                    inserted.add(id);
                }
            }
            return new Written(visit, inserted);
        }
    }
}
