package crm.experience.rest;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Test helper: what the tables hold, read straight from the service's schema. */
final class Rows {

    private Rows() {
    }

    /** The single number {@code sql} answers, its parameters bound in order. */
    static long count(AgroalDataSource db, String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, parameters);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void update(AgroalDataSource db, String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, parameters);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(Connection c, PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i] instanceof UUID[] ids ? c.createArrayOf("uuid", ids) : parameters[i]);
        }
    }

    /** Whether experience consumed the event with this id (applied it, or found nothing to do). */
    static boolean processed(AgroalDataSource db, String eventId) {
        return count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1;
    }

    /** Rows anywhere in experience's data that still name one of these customers. */
    static long linkedTo(AgroalDataSource db, UUID... customers) {
        return count(db, """
                SELECT (SELECT count(*) FROM visit WHERE customer_id = ANY (?))
                     + (SELECT count(*) FROM survey_response WHERE customer_id = ANY (?))
                     + (SELECT count(*) FROM complaint WHERE customer_id = ANY (?))
                     + (SELECT count(*) FROM customer_history WHERE customer_id = ANY (?))""",
                customers, customers, customers, customers);
    }
}
