package crm.events.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A change written together with its events ({@link Outbox#stage}) as one statement over arrays of
 * values, in one round trip: the statement's text, and the ids of the rows it wrote. Run in a
 * transaction, it is part of it; run on a connection of its own (autocommit), it is its own
 * transaction and commits in that same round trip.
 */
public final class SetWrites {

    private SetWrites() {
    }

    /**
     * The statement, planned once per connection: its plan does not depend on the values (arrays of
     * any length), and a custom plan would cost as much planning as the write itself. The setting
     * holds for the statement's transaction only; set_config, unlike SET LOCAL, also takes it
     * without a warning when the statement is its own transaction.
     */
    public static String sql(String statement) {
        return "SELECT set_config('plan_cache_mode', 'force_generic_plan', true);\n" + statement;
    }

    /** Runs a statement made by {@link #sql} whose rows are the ids it wrote, and returns them. */
    public static Set<UUID> ids(PreparedStatement statement) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (ResultSet rows = rows(statement)) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** Runs a statement made by {@link #sql} and returns its rows (the caller closes them). */
    public static ResultSet rows(PreparedStatement statement) throws SQLException {
        statement.execute(); // first comes the setting's row
        while (!statement.getMoreResults()) {
            if (statement.getUpdateCount() == -1) {
                throw new SQLException("The set write returned no rows");
            }
        }
        return statement.getResultSet();
    }
}
