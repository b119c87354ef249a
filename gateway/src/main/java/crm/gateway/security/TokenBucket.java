package crm.gateway.security;

/**
 * A token bucket: holds up to {@code burst} requests and gains {@code perSecond} a second. Times are
 * nanoseconds from one monotonic clock.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(int perSecond, int burst, long now) {
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /** Nanoseconds since a token was last asked for. */
    synchronized long idleFor(long now) {
        return now - last;
    }

    /** Takes one token: 0 when there was one, else the nanoseconds until there will be. */
    synchronized long take(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
