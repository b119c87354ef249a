package crm.rest.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A JSON document whose long lists come straight from database cursors, row by row: an export of a
 * customer with 100,000 transactions holds one row in memory at a time, not 100,000. The body is
 * written in one read-only transaction, so its parts agree with each other.
 */
public final class JsonExport {
    /** Rows fetched from the cursor at a time. */
    private static final int FETCH_SIZE = 500;

    private final Connection connection;
    private final JsonGenerator out;

    private JsonExport(Connection connection, JsonGenerator out) {
        this.connection = connection;
        this.out = out;
    }

    /** Writes the body's fields into one JSON object. */
    @FunctionalInterface
    public interface Body {
        void write(JsonExport export) throws IOException, SQLException;
    }

    /** Maps a row to what is written for it (a record, serialised as JSON). */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The response entity: {@code body} written into a JSON object as the client reads it. */
    public static StreamingOutput of(DataSource db, ObjectMapper json, Body body) {
        return stream -> {
            try (Connection connection = db.getConnection();
                 JsonGenerator out = json.getFactory().createGenerator(stream)) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                out.writeStartObject();
                body.write(new JsonExport(connection, out));
                out.writeEndObject();
                connection.rollback();
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("Export failed: " + e.getMessage(), e));
            }
        };
    }

    /** A field holding one value (a record, a list, a string...). */
    public JsonExport field(String name, Object value) throws IOException {
        out.writeFieldName(name);
        out.writeObject(value);
        return this;
    }

    /** A field holding the rows of {@code sql} (parameters bound in order), each mapped to a value. */
    public <T> JsonExport rows(String name, String sql, RowMapper<T> mapper, Object... parameters)
            throws IOException, SQLException {
        out.writeArrayFieldStart(name);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.writeObject(mapper.map(rows));
                }
            }
        }
        out.writeEndArray();
        return this;
    }
}
