package crm.gateway.keys;

import crm.db.AdvisoryLock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code api_key} table. Issuing and revoking hold one advisory lock until they commit, so
 * versions become visible in the order they were taken and a reader that asks for everything after
 * the last version it saw misses nothing.
 */
@ApplicationScoped
public class ApiKeyStore {
    private static final String COLUMNS = "id, name, prefix, hash, roles, source, owner_id, created_by, created_at, "
            + "expires_at, revoked_at, last_used_at, version";

    public static final AdvisoryLock CHANGES = new AdvisoryLock("gateway:api-key-changes");

    static final String INSERT = """
            INSERT INTO api_key (id, name, prefix, hash, roles, source, owner_id, created_by, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (prefix) DO NOTHING""";

    static final String REVOKE = """
            UPDATE api_key SET revoked_at = ?, version = nextval('api_key_version')
            WHERE id = ? AND revoked_at IS NULL""";

    static final String CHANGED_SINCE = "SELECT " + COLUMNS + " FROM api_key WHERE version > ? ORDER BY version";

    static final String BY_ID = "SELECT " + COLUMNS + " FROM api_key WHERE id = ?";

    static final String PAGE = "SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, id LIMIT ? OFFSET ?";

    static final String COUNT = "SELECT count(*) FROM api_key";

    static final String ACTIVE_ADMIN_EXISTS = """
            SELECT EXISTS (SELECT FROM api_key
                           WHERE 'admin' = ANY (roles) AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()))""";

    static final String TOUCH = """
            UPDATE api_key SET last_used_at = ?
            WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)""";

    /** A key and the version its row had when read. */
    public record Versioned(ApiKey key, long version) {
    }

    private final AgroalDataSource db;

    public ApiKeyStore(AgroalDataSource db) {
        this.db = db;
    }

    /** Runs {@code work} in one transaction holding the lock on changes. */
    public <T> T changing(Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                CHANGES.holdUntilCommit(c);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** False when the prefix is taken already (the caller draws another secret). */
    boolean insert(Connection c, ApiKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setObject(1, key.id());
            s.setString(2, key.name());
            s.setString(3, key.prefix());
            s.setBytes(4, key.hash());
            s.setArray(5, c.createArrayOf("text", key.roles().toArray()));
            s.setString(6, key.source());
            s.setString(7, key.ownerId());
            s.setString(8, key.createdBy());
            s.setTimestamp(9, Timestamp.from(key.createdAt()));
            s.setTimestamp(10, key.expiresAt() == null ? null : Timestamp.from(key.expiresAt()));
            return s.executeUpdate() == 1;
        }
    }

    /** False when the key was revoked already (its first revocation stands). */
    boolean revoke(Connection c, UUID id, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REVOKE)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setObject(2, id);
            return s.executeUpdate() == 1;
        }
    }

    boolean activeAdminExists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ACTIVE_ADMIN_EXISTS); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    List<Versioned> changedSince(long version) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(CHANGED_SINCE)) {
            s.setLong(1, version);
            return read(s);
        }
    }

    Optional<ApiKey> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BY_ID)) {
            s.setObject(1, id);
            return read(s).stream().map(Versioned::key).findFirst();
        }
    }

    Optional<ApiKey> find(UUID id) throws SQLException {
        try (Connection c = db.getConnection()) {
            return find(c, id);
        }
    }

    List<ApiKey> page(int page, int size) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(PAGE)) {
            s.setInt(1, size);
            s.setLong(2, (long) page * size);
            return read(s).stream().map(Versioned::key).toList();
        }
    }

    long count() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(COUNT);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes each key's last use, never moving it back. */
    void touch(Map<UUID, Instant> lastUse) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(TOUCH)) {
            for (Map.Entry<UUID, Instant> use : lastUse.entrySet()) {
                Timestamp at = Timestamp.from(use.getValue());
                s.setTimestamp(1, at);
                s.setObject(2, use.getKey());
                s.setTimestamp(3, at);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static List<Versioned> read(PreparedStatement s) throws SQLException {
        List<Versioned> keys = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Array roles = rs.getArray("roles");
                keys.add(new Versioned(new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("prefix"), rs.getBytes("hash"), Arrays.asList((String[]) roles.getArray()),
                        rs.getString("source"), rs.getString("owner_id"), rs.getString("created_by"),
                        instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                        instant(rs, "last_used_at")), rs.getLong("version")));
            }
        }
        return keys;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
