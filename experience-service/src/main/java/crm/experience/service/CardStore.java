package crm.experience.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The card's reads of one customer, each one round trip on an index led by the customer id, on the
 * caller's transaction (the datasource hands every user of a transaction the same connection).
 */
@ApplicationScoped
public class CardStore {
    /** Registered, or named by a visit, a complaint or a survey answer (events may come after the data). */
    private static final String KNOWN = """
            SELECT EXISTS (SELECT 1 FROM experience_customer WHERE customer_id = ?)
                OR EXISTS (SELECT 1 FROM visit WHERE customer_id = ?)
                OR EXISTS (SELECT 1 FROM complaint WHERE customer_id = ?)
                OR EXISTS (SELECT 1 FROM survey_response WHERE customer_id = ?)""";

    /** The latest visit (index visit_customer_latest) with its scores in touch-point order. */
    private static final String LAST_VISIT = """
            SELECT v.visit_id, v.journey_code, v.store, v.started_at, e.score
            FROM (SELECT visit_id, journey_code, store, started_at FROM visit WHERE customer_id = ?
                  ORDER BY started_at DESC, visit_id DESC LIMIT 1) v
            JOIN log_entry e ON e.visit_id = v.visit_id
            ORDER BY e.position""";

    /** The survey to ask at payment: the one defined last (index survey_created). */
    private static final String LATEST_SURVEY = "SELECT id FROM survey ORDER BY created_at DESC, id DESC LIMIT 1";

    private final AgroalDataSource db;

    public CardStore(AgroalDataSource db) {
        this.db = db;
    }

    /** A visit with the peak-end rule over its scores. */
    public record LastVisit(String visitId, String journeyCode, String store, Instant startedAt, PeakEnd.Result rule) {
    }

    public boolean known(UUID customerId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(KNOWN)) {
            for (int i = 1; i <= 4; i++) {
                s.setObject(i, customerId, Types.OTHER);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read whether the customer is known: " + e.getMessage(), e);
        }
    }

    /** The customer's latest visit, or null when they have none. */
    public LastVisit lastVisit(UUID customerId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(LAST_VISIT)) {
            s.setObject(1, customerId, Types.OTHER);
            try (ResultSet rows = s.executeQuery()) {
                return lastVisit(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the last visit: " + e.getMessage(), e);
        }
    }

    /** The survey defined last, or null when there is none. */
    public UUID latestSurvey() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(LATEST_SURVEY);
             ResultSet rows = s.executeQuery()) {
            return rows.next() ? rows.getObject("id", UUID.class) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the latest survey: " + e.getMessage(), e);
        }
    }

    private static LastVisit lastVisit(ResultSet rows) throws SQLException {
        String visitId = null;
        String journeyCode = null;
        String store = null;
        Instant startedAt = null;
        List<Integer> scores = new ArrayList<>();
        while (rows.next()) {
            visitId = rows.getString("visit_id");
            journeyCode = rows.getString("journey_code");
            store = rows.getString("store");
            startedAt = rows.getObject("started_at", OffsetDateTime.class).toInstant();
            scores.add(rows.getInt("score"));
        }
        return scores.isEmpty() ? null : new LastVisit(visitId, journeyCode, store, startedAt, PeakEnd.of(scores));
    }
}
