package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.out.storage.Leases;
import io.moldtank.ports.out.storage.StaleWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Named leases in table {@code leases}, so that periodic work runs on one node at a time. */
public final class SqlLeases implements Leases {
    private final Db db;

    SqlLeases(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Lease> tryHold(String name, String holder, Duration ttl, Instant now) {
        try {
            return db.write("take lease " + name, c -> LeaseRows.tryHold(c, name, holder, ttl, now));
        } catch (StaleWrite raced) {
            return Optional.empty(); // another node inserted or updated the row first
        }
    }

    @Override
    public void release(String name, String holder, Instant doneAt) {
        db.write("release lease " + name, c -> {
            LeaseRows.release(c, name, holder, doneAt);
            return null;
        });
    }
}
