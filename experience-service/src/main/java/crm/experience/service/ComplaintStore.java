package crm.experience.service;

import crm.events.outbox.Outbox;
import crm.events.outbox.SetWrites;
import crm.experience.domain.Complaint;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Opens a complaint in one statement and one round trip, on the caller's transaction (the
 * datasource hands every user of a transaction the same connection): the complaint, the first
 * step of its history and its ComplaintOpened event.
 */
@ApplicationScoped
public class ComplaintStore {
    private static final String OPEN = SetWrites.sql("""
            WITH opened AS (
                INSERT INTO complaint (id, source, source_key, customer_id, visit_id, journey_code,
                    touch_point_code, severity, channel, description, owner_id, opened_by, status, opened_at, respond_by)
                VALUES (?, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, source_key) DO NOTHING
                RETURNING id, status, opened_at, opened_by
            ),
            step AS (
                INSERT INTO complaint_transition (complaint_id, to_status, at, actor)
                SELECT id, status, opened_at, opened_by FROM opened
            ),
            events AS (%s)
            SELECT id FROM opened""".formatted(Outbox.Staged.insertSql("SELECT id FROM opened")));

    private final AgroalDataSource db;

    public ComplaintStore(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * Inserts the complaint with its first step and its event (staged with the complaint's id as
     * owner), unless its source and source key opened one before; true if it was inserted.
     */
    public boolean open(Complaint c, Outbox.Staged event) {
        try (Connection connection = db.getConnection(); PreparedStatement s = connection.prepareStatement(OPEN)) {
            s.setObject(1, c.id);
            s.setString(2, c.source.name());
            s.setString(3, c.sourceKey);
            s.setObject(4, c.customerId, Types.OTHER);
            s.setString(5, c.visitId);
            s.setString(6, c.journeyCode);
            s.setString(7, c.touchPointCode);
            s.setString(8, c.severity.name());
            s.setString(9, c.channel == null ? null : c.channel.name());
            s.setString(10, c.description);
            s.setString(11, c.ownerId);
            s.setString(12, c.openedBy);
            s.setString(13, c.status.name());
            s.setObject(14, utc(c.openedAt));
            s.setObject(15, utc(c.respondBy));
            event.bind(connection, s, 16);
            boolean opened = !SetWrites.ids(s).isEmpty();
            event.written();
            return opened;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open complaint: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
