package io.moldtank.ports.memory;

import io.moldtank.ports.out.guard.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Idempotency records in a concurrent map. Claims are atomic per key through {@code compute}; lapsed
 * entries are swept every few thousand calls. Process-local: a cluster needs a shared adapter.
 */
public final class InProcessIdempotencyStore implements IdempotencyStore {
    private static final int SWEEP_EVERY = 4096;

    private record Entry(String fingerprint, Stored answer, long until) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public InProcessIdempotencyStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Claim claim(String key, String fingerprint, Duration ttl) {
        IdempotencyStore.check(key, fingerprint, ttl);
        long now = clock.millis();
        AtomicReference<Claim> result = new AtomicReference<>();
        entries.compute(key, (k, e) -> {
            if (e == null || e.until() <= now) {
                result.set(new Claim.Fresh());
                return new Entry(fingerprint, null, now + ttl.toMillis());
            }
            if (!e.fingerprint().equals(fingerprint)) {
                result.set(new Claim.Mismatch());
            } else if (e.answer() == null) {
                result.set(new Claim.InFlight());
            } else {
                result.set(new Claim.Replay(e.answer()));
            }
            return e;
        });
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            entries.values().removeIf(e -> e.until() <= now);
        }
        return result.get();
    }

    @Override
    public void complete(String key, Stored answer, Duration ttl) {
        IdempotencyStore.check(key, "-", ttl);
        long until = clock.millis() + ttl.toMillis();
        entries.computeIfPresent(key, (k, e) -> new Entry(e.fingerprint(), answer, until));
    }

    @Override
    public void release(String key) {
        entries.computeIfPresent(key, (k, e) -> e.answer() == null ? null : e);
    }
}
