package crm.experience.service;

import crm.events.outbox.Outbox;
import crm.events.outbox.SetWrites;
import crm.experience.domain.LogEntry;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a request's entries and their events in one statement and one round trip, on the
 * caller's transaction (the datasource hands every user of a transaction the same connection).
 */
@ApplicationScoped
public class LogStore {
    private static final String INSERT = SetWrites.sql("""
            WITH inserted AS (
                INSERT INTO log_entry (id, visit_id, touch_point_code, position, score, occurred_at, note, recorded_by,
                    recorded_at)
                SELECT e.id, e.visit_id, e.touch_point_code, e.position, e.score::smallint, e.occurred_at::timestamptz,
                    e.note, e.recorded_by, e.recorded_at::timestamptz
                FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[],
                        ?::text[]) WITH ORDINALITY
                    AS e(id, visit_id, touch_point_code, position, score, occurred_at, note, recorded_by, recorded_at, n)
                ORDER BY e.n
                ON CONFLICT (visit_id, touch_point_code) DO NOTHING
                RETURNING id
            ),
            events AS (%s)
            SELECT id FROM inserted""".formatted(Outbox.Staged.insertSql("SELECT id FROM inserted")));

    private final AgroalDataSource db;

    public LogStore(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * Inserts the entries for touch points the visit has no entry for yet, and the events staged
     * for them (each event's owner is its entry's id). Returns the ids inserted.
     */
    public Set<UUID> insertNew(List<LogEntry> entries, Outbox.Staged events) {
        int n = entries.size();
        UUID[] ids = new UUID[n];
        UUID[] visits = new UUID[n];
        Integer[] positions = new Integer[n];
        Integer[] scores = new Integer[n];
        String[][] text = new String[5][n];
        for (int i = 0; i < n; i++) {
            LogEntry e = entries.get(i);
            ids[i] = e.id;
            visits[i] = e.visitId;
            positions[i] = e.position;
            scores[i] = e.score;
            text[0][i] = e.touchPointCode;
            text[1][i] = e.occurredAt.toString();
            text[2][i] = e.note;
            text[3][i] = e.recordedBy.name();
            text[4][i] = e.recordedAt.toString();
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            s.setArray(2, c.createArrayOf("uuid", visits));
            s.setArray(3, c.createArrayOf("text", text[0]));
            s.setArray(4, c.createArrayOf("int4", positions));
            s.setArray(5, c.createArrayOf("int4", scores));
            for (int column = 1; column < text.length; column++) {
                s.setArray(5 + column, c.createArrayOf("text", text[column]));
            }
            events.bind(c, s, 10);
            return SetWrites.ids(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Log write failed: " + e.getMessage(), e);
        }
    }
}
