package crm.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A PostgreSQL advisory lock by name, the one way every part of the system takes one. Names are
 * {@code scope:key} and hash to 64 bits ({@code hashtextextended}), so locks of different scopes
 * practically never meet. Taken on a {@link DataSource} inside a JTA transaction, the statement runs on
 * the transaction's own connection (Agroal hands it out again), so the lock is held until that
 * transaction ends, whether its other statements go through Hibernate or JDBC.
 */
public record AdvisoryLock(String name) {
    /** It answers once it holds the lock: true, as the others when they took it. */
    static final String HOLD_UNTIL_COMMIT = "SELECT true FROM pg_advisory_xact_lock(hashtextextended(?, 0))";
    static final String TRY_UNTIL_COMMIT = "SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))";
    static final String TRY_ON_SESSION = "SELECT pg_try_advisory_lock(hashtextextended(?, 0))";
    static final String RELEASE_ON_SESSION = "SELECT pg_advisory_unlock(hashtextextended(?, 0))";

    public static AdvisoryLock of(String scope, Object key) {
        return new AdvisoryLock(scope + ":" + key);
    }

    /** Waits for the lock and holds it until the current transaction ends. */
    public void holdUntilCommit(DataSource db) {
        onTransaction(db, HOLD_UNTIL_COMMIT);
    }

    /** Waits for the lock and holds it until the transaction of {@code c} ends. */
    public void holdUntilCommit(Connection c) throws SQLException {
        query(c, HOLD_UNTIL_COMMIT);
    }

    /** Takes the lock until the current transaction ends if no one holds it; false (at once) if someone does. */
    public boolean tryUntilCommit(DataSource db) {
        return onTransaction(db, TRY_UNTIL_COMMIT);
    }

    /**
     * Takes the lock on this connection, outside any transaction (for work that must run in autocommit,
     * such as building an index concurrently), if no one holds it; closing what it returns releases it.
     */
    public Optional<Held> tryOnSession(Connection c) throws SQLException {
        return query(c, TRY_ON_SESSION) ? Optional.of(() -> query(c, RELEASE_ON_SESSION)) : Optional.empty();
    }

    /** A lock taken on a session, released on close. */
    public interface Held extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    private boolean onTransaction(DataSource db, String sql) {
        try (Connection c = db.getConnection()) {
            return query(c, sql);
        } catch (SQLException e) {
            throw new DatabaseFailure("Taking the advisory lock " + name + " failed", e);
        }
    }

    private boolean query(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }
}
