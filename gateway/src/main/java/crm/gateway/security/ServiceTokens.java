package crm.gateway.security;

import crm.gateway.config.GatewayConfig;
import crm.rest.CallerToken;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token the gateway forwards in place of the caller's: an RS256 JWT naming the caller and
 * their roles, which the services verify with the gateway's public key. Signing costs about a
 * millisecond, so a caller's token is reused until a minute before it ends.
 */
@ApplicationScoped
public class ServiceTokens {
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final PrivateKey key;
    private final Duration lifetime;
    private final Map<Caller, Signed> signed = new ConcurrentHashMap<>();

    private record Signed(String token, Instant renewAt, Instant expiresAt) {
    }

    public ServiceTokens(GatewayConfig config, Vertx vertx) throws IOException, GeneralSecurityException {
        this.key = KeyUtils.decodePrivateKey(Files.readString(config.identity().privateKey()));
        this.lifetime = config.identity().tokenLifetime();
        if (lifetime.compareTo(MARGIN.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("crm.gateway.identity.token-lifetime must be at least " + MARGIN.multipliedBy(2));
        }
        vertx.setPeriodic(60_000, id -> {
            Instant now = Instant.now();
            signed.values().removeIf(s -> !now.isBefore(s.expiresAt()));
        });
    }

    public String tokenFor(Caller caller) {
        Instant now = Instant.now();
        Signed current = signed.get(caller);
        if (current == null || !now.isBefore(current.renewAt())) {
            current = sign(caller, now);
            signed.put(caller, current);
        }
        return current.token();
    }

    private Signed sign(Caller caller, Instant now) {
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsBuilder claims = Jwt.issuer(CallerToken.ISSUER)
                .audience(CallerToken.AUDIENCE)
                .subject(caller.id())
                .upn(caller.name())
                .groups(caller.roles())
                .issuedAt(now)
                .expiresAt(expiresAt);
        if (caller.source() != null) {
            claims.claim(CallerToken.SOURCE_CLAIM, caller.source());
        }
        return new Signed(claims.jws().sign(key), expiresAt.minus(MARGIN), expiresAt);
    }
}
