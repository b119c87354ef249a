package crm.gateway.security;

import crm.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per caller on this instance; a caller gets the most generous limit among its
 * roles, {@code default} when none of them has its own.
 */
@ApplicationScoped
public class RateLimiter {
    private static final long IDLE_NANOS = 10 * 60 * 1_000_000_000L;

    private final GatewayConfig.RateLimits config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config, Vertx vertx) {
        this.config = config.rateLimit();
        // Forgets callers idle for ten minutes (a full bucket is what a new one starts with anyway).
        vertx.setPeriodic(60_000, id -> {
            long now = System.nanoTime();
            buckets.values().removeIf(bucket -> bucket.idleFor(now) > IDLE_NANOS);
        });
    }

    /** Counts one request of the caller, or refuses it with 429 when over its limit. */
    public void take(Caller caller) {
        if (!config.enabled()) {
            return;
        }
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(caller.id(), id -> {
            GatewayConfig.Limit limit = limitOf(caller);
            return new TokenBucket(limit.perSecond(), limit.burst(), now);
        });
        long wait = bucket.take(now);
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            throw new Refusal.TooManyRequests("Too many requests for this caller; try again in " + seconds + " s",
                    seconds);
        }
    }

    GatewayConfig.Limit limitOf(Caller caller) {
        return caller.roles().stream()
                .map(config.roles()::get)
                .filter(limit -> limit != null)
                .max((a, b) -> Integer.compare(a.perSecond(), b.perSecond()))
                .orElse(config.defaults());
    }
}
