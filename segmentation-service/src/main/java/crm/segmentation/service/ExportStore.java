package crm.segmentation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.segmentation.domain.LedgerTransaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The statements of a customer's export, each streamed through a cursor, and the reading of their rows. */
public final class ExportStore {
    /** Oldest first; the lines and attributes come with their transaction (stored with it, as jsonb). */
    public static final String TRANSACTIONS = """
            SELECT id, source, external_id, occurred_at, store, channel, currency, refund, lines, attributes,
                revenue, cost, revenue - cost AS margin, recorded_at
            FROM ledger_transaction WHERE customer_id = ? ORDER BY occurred_at, id""";

    public static final String PERIODS = """
            SELECT period, revenue, cost, revenue - cost AS margin, purchases, last_purchase_at
            FROM customer_period WHERE customer_id = ? ORDER BY period""";

    /** Oldest close first; a month before the quarter ending with it. */
    public static final String LEVELS = """
            SELECT l.period, l.level, l.revenue, l.margin, l.purchases, l.rank, l.from_level, l.direction
            FROM period_level l JOIN period_close c ON c.period = l.period
            WHERE l.customer_id = ? ORDER BY c.day_after, c.first_day DESC""";

    private static final TypeReference<List<LedgerTransaction.Line>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private ExportStore() {
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static List<LedgerTransaction.Line> lines(ObjectMapper json, ResultSet row) throws SQLException {
        return read(json, row, "lines", LINES);
    }

    public static Map<String, String> attributes(ObjectMapper json, ResultSet row) throws SQLException {
        return read(json, row, "attributes", ATTRIBUTES);
    }

    private static <T> T read(ObjectMapper json, ResultSet row, String column, TypeReference<T> type) throws SQLException {
        try {
            return json.readValue(row.getString(column), type);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable " + column + " of transaction " + row.getObject("id"), e);
        }
    }
}
