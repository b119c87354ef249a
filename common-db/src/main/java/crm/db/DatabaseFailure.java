package crm.db;

import java.sql.SQLException;

/** A statement of these shared mechanisms failed; the {@link SQLException} stays the cause, with its SQL state. */
public class DatabaseFailure extends RuntimeException {
    public DatabaseFailure(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
