package crm.gateway.keys;

import crm.gateway.config.GatewayConfig;
import crm.gateway.security.Caller;
import crm.gateway.security.Refusal;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The keys this gateway accepts, held in memory by prefix so that checking one costs no database
 * round trip. Every {@code crm.gateway.api-keys.refresh} each instance reads what was issued or
 * revoked since its last look; the instance that issues or revokes a key knows at once.
 */
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final ApiKeyStore store;
    private final GatewayConfig.ApiKeys config;
    private final Clock clock;
    private final Map<String, Known> byPrefix = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUse = new ConcurrentHashMap<>();
    private volatile long seenVersion;
    private volatile boolean refreshFailing;

    public ApiKeys(ApiKeyStore store, GatewayConfig config) {
        this.store = store;
        this.config = config.apiKeys();
        this.clock = Clock.systemUTC();
    }

    void start(@Observes StartupEvent startup, Vertx vertx) throws SQLException {
        refresh();
        config.bootstrapFile().ifPresent(file -> FirstAdminKey.issueIfNone(this, store, file));
        vertx.setPeriodic(config.refresh().toMillis(), id -> vertx.executeBlocking(() -> {
            refreshQuietly();
            return null;
        }, false));
        vertx.setPeriodic(config.lastUsedFlush().toMillis(), id -> vertx.executeBlocking(() -> {
            flushLastUse();
            return null;
        }, false));
    }

    /** The caller a bearer token that looks like an API key acts as, or a refusal saying why not. */
    public Caller authenticate(String token) {
        if (!ApiKeySecret.wellFormed(token)) {
            throw new Refusal.Unauthenticated("The API key is malformed");
        }
        Known known = byPrefix.get(ApiKeySecret.prefix(token));
        ApiKey key = known == null ? null : known.key();
        byte[] hash = ApiKeySecret.hash(token);
        if (key == null || !MessageDigest.isEqual(key.hash(), hash)) {
            throw new Refusal.Unauthenticated("The API key is not known");
        }
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            throw new Refusal.Unauthenticated("The API key was revoked");
        }
        if (key.expiredAt(now)) {
            throw new Refusal.Unauthenticated("The API key has expired");
        }
        lastUse.put(key.id(), now);
        return known.caller();
    }

    /** Issues a key; the secret is in the answer and nowhere else. */
    public IssuedKey issue(NewKey request, String createdBy) throws SQLException {
        IssuedKey issued = store.changing(c -> insert(c, request, createdBy));
        remember(issued.key());
        return issued;
    }

    /** Inserts a new key in the caller's transaction, drawing another secret if its prefix is taken. */
    IssuedKey insert(Connection c, NewKey request, String createdBy) throws SQLException {
        while (true) {
            String secret = ApiKeySecret.generate();
            ApiKey key = new ApiKey(UUID.randomUUID(), request.name(), ApiKeySecret.prefix(secret),
                    ApiKeySecret.hash(secret), List.copyOf(request.roles()), request.source(), request.ownerId(),
                    createdBy, clock.instant(), request.expiresAt(), null, null);
            if (store.insert(c, key)) {
                return new IssuedKey(key, secret);
            }
        }
    }

    /** Knows a committed key at once, before the next refresh reads it. */
    void remember(ApiKey key) {
        byPrefix.put(key.prefix(), new Known(key, key.caller()));
    }

    /** Revokes a key (its row stays); empty when there is no such key. */
    public Optional<ApiKey> revoke(UUID id) throws SQLException {
        Optional<ApiKey> revoked = store.changing(c -> {
            store.revoke(c, id, clock.instant());
            return store.find(c, id);
        });
        revoked.ifPresent(this::remember);
        return revoked;
    }

    public Optional<ApiKey> find(UUID id) throws SQLException {
        return store.find(id);
    }

    public List<ApiKey> page(int page, int size) throws SQLException {
        return store.page(page, size);
    }

    public long count() throws SQLException {
        return store.count();
    }

    /** Reads what changed since the last look. */
    void refresh() throws SQLException {
        for (ApiKeyStore.Versioned changed : store.changedSince(seenVersion)) {
            remember(changed.key());
            seenVersion = Math.max(seenVersion, changed.version());
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
            if (refreshFailing) {
                LOG.info("API keys: reading changes again");
            }
            refreshFailing = false;
        } catch (SQLException | RuntimeException e) {
            if (!refreshFailing) {
                LOG.warnf("API keys: cannot read changes (%s); the keys known so far still hold", e.getMessage());
            }
            refreshFailing = true;
        }
    }

    private void flushLastUse() {
        if (lastUse.isEmpty()) {
            return;
        }
        Map<UUID, Instant> batch = new HashMap<>(lastUse);
        batch.forEach((id, at) -> lastUse.remove(id, at)); // a newer use waits for the next flush
        try {
            store.touch(batch);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("API keys: last use not written (%s)", e.getMessage());
        }
    }

    /** A key and the caller it acts as, made once rather than on every request. */
    private record Known(ApiKey key, Caller caller) {
    }

    /** What an admin asks for. */
    public record NewKey(String name, List<String> roles, String source, String ownerId, Instant expiresAt) {
    }

    public record IssuedKey(ApiKey key, String secret) {
    }
}
