package crm.gateway.keys;

import crm.gateway.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An issued API key as stored: everything but the secret. */
public record ApiKey(UUID id, String name, String prefix, byte[] hash, List<String> roles, String source,
        String ownerId, String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt,
        Instant lastUsedAt) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The caller a request with this key acts as; audit fields show the owner, else the key's name. */
    public Caller caller() {
        return new Caller("key:" + id, ownerId != null ? ownerId : "key:" + name, Set.copyOf(roles), source);
    }
}
