package crm.events.inbox;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure came from the database being unavailable or busy for a while (connection lost or
 * refused, no connection free, deadlock, serialization failure, lock or statement timeout, server
 * shutting down or out of resources) rather than from the event: such an event is retried for
 * hours, not set aside after a few attempts.
 */
final class DatabaseTrouble {
    private static final String[] TRANSIENT_STATES = {"08", "40", "53", "57P", "58", "55P03", "57014"};

    private DatabaseTrouble() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (transientState(sql.getSQLState()) || noConnection(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        if (state == null) {
            return false;
        }
        for (String prefix : TRANSIENT_STATES) {
            if (state.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The pool (Agroal) found no connection in time; it names no SQL state. */
    private static boolean noConnection(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }
}
