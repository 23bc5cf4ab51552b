package io.moldtank.ports.memory;

import io.moldtank.ports.out.guard.NonceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Nonces in a concurrent map with their expiry; expired ones are swept every few thousand calls. */
public final class InProcessNonceStore implements NonceStore {

    private static final int SWEEP_EVERY = 4096;

    private final Clock clock;
    private final ConcurrentHashMap<String, Long> expiries = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public InProcessNonceStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String nonce, Duration ttl) {
        NonceStore.check(nonce, ttl);
        long now = clock.millis();
        long expiry = now + Math.max(1, ttl.toMillis());
        AtomicBoolean first = new AtomicBoolean();
        expiries.compute(nonce, (key, seenUntil) -> {
            if (seenUntil != null && seenUntil > now) {
                return seenUntil;
            }
            first.set(true);
            return expiry;
        });
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            expiries.values().removeIf(until -> until <= now);
        }
        return first.get();
    }
}
