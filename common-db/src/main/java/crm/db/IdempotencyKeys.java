package crm.db;

import crm.rest.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} of every write a client may retry, kept in one table per schema
 * ({@code idempotency_key}): the key, the request's fingerprint ({@link crm.rest.RequestHash}) and what
 * the first request made. A retry of the same request gets what the first one made; the same key with
 * another request is a 409. A request that arrives while the first one with its key is still running
 * waits for it (the table's primary key), then sees its row; if the first rolled back, it is the first.
 * Writes named by their own identity (a sale's source and external id, a survey response's id) keep it
 * on their rows instead.
 */
@ApplicationScoped
public class IdempotencyKeys {
    static final String CLAIM = """
            INSERT INTO idempotency_key (scope, key, request_hash, created_at) VALUES (?, ?, ?, now())
            ON CONFLICT (scope, key) DO NOTHING""";
    static final String EARLIER = "SELECT request_hash, made FROM idempotency_key WHERE scope = ? AND key = ?";
    static final String MADE = "UPDATE idempotency_key SET made = ? WHERE scope = ? AND key = ? AND made IS NULL";

    private final AgroalDataSource db;

    public IdempotencyKeys(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * Claims {@code key} in {@code scope} (what the key is for: "registration", "complaint") for a request
     * with this fingerprint, in the current transaction. Empty: this request is the first; it makes its
     * resource and calls {@link #made}. Otherwise the id of what the first request made.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(String scope, String key, String fingerprint) {
        try (Connection c = db.getConnection()) {
            if (update(c, CLAIM, scope, key, fingerprint) == 1) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement(EARLIER)) {
                s.setString(1, scope);
                s.setString(2, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (!fingerprint.equals(r.getString(1))) {
                        throw ProblemException.conflict("Idempotency-Key", "was used for a different " + scope);
                    }
                    return Optional.of(r.getObject(2, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseFailure("Claiming an idempotency key failed", e);
        }
    }

    /** Names what the first request under {@code key} made, in the transaction that claimed it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void made(String scope, String key, UUID resource) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(MADE)) {
            s.setObject(1, resource);
            s.setString(2, scope);
            s.setString(3, key);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("The " + scope + " key was not claimed in this transaction");
            }
        } catch (SQLException e) {
            throw new DatabaseFailure("Recording what an idempotent request made failed", e);
        }
    }

    private static int update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
