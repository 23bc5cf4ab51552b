package io.moldtank.ports.out.guard;

import java.time.Duration;

/**
 * Token buckets keyed by caller and bucket kind (discovery, read, write). Take is atomic: of N
 * concurrent takes on a bucket holding k tokens exactly min(N, k) are allowed. A bucket starts full.
 */
public interface RateLimiter {

    /** Longest accepted bucket key. */
    int MAX_KEY_LENGTH = 200;

    /** @throws IllegalArgumentException for a blank or over-long key */
    Decision tryTake(String key, BucketSpec spec);

    /** {@code capacity} tokens, refilled at {@code refillPerMinute} tokens per minute. */
    record BucketSpec(long capacity, long refillPerMinute) {
        public BucketSpec {
            if (capacity < 1 || refillPerMinute < 1) {
                throw new IllegalArgumentException("capacity and refill must be positive");
            }
            if (capacity > 1_000_000_000L || refillPerMinute > 1_000_000_000L) {
                throw new IllegalArgumentException("capacity and refill must be at most 10^9");
            }
        }
    }

    /** Allowed, with tokens left; or refused, with how long until one token is back. */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }

    /** Checks a key; adapters call it before touching storage. */
    static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("rate-limit key must be 1.." + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }
}
