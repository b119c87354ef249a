package crm.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsItsBurstThroughThenRefillsAtItsRate() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(SECOND / 2, bucket.take(0), "one token comes back every half second");
        assertEquals(0, bucket.take(SECOND / 2));
        assertEquals(SECOND / 2, bucket.take(SECOND / 2));
    }

    @Test
    void aQuietBucketHoldsNoMoreThanItsBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);
        long later = 60 * SECOND;
        assertEquals(0, bucket.take(later));
        assertEquals(0, bucket.take(later));
        assertEquals(SECOND / 10, bucket.take(later));
    }
}
