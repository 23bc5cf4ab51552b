package io.moldtank.ports.out.guard;

import java.time.Duration;

/** Token buckets keyed by caller and bucket kind (discovery, read, write). Take is atomic. */
public interface RateLimiter {

    Decision tryTake(String key, BucketSpec spec);

    /** {@code capacity} tokens, refilled at {@code refillPerMinute} tokens per minute. */
    record BucketSpec(long capacity, long refillPerMinute) {
        public BucketSpec {
            if (capacity < 1 || refillPerMinute < 1) {
                throw new IllegalArgumentException("capacity and refill must be positive");
            }
        }
    }

    /** Allowed, with tokens left; or refused, with how long until one token is back. */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }
}
