package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.reconciliation.BookEntry;
import io.moldtank.domain.reconciliation.Difference;
import io.moldtank.ports.out.storage.DifferenceLog;
import io.moldtank.ports.out.storage.Leases;
import io.moldtank.ports.out.storage.ReconciliationBooks;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reconciliation's storage ports on the same database (and transactions) as {@link SqlStorage}. */
public final class SqlReconciliation implements ReconciliationBooks, DifferenceLog, Leases {
    private final Db db;
    private final SqlLeases leases;

    SqlReconciliation(Db db) {
        this.db = db;
        this.leases = new SqlLeases(db);
    }

    @Override
    public Map<BountyId, BookEntry> books(Collection<BountyId> ids) {
        return db.read("reconciliation books", c -> BookRows.of(c, ids.stream().map(BountyId::value).toList()))
                .stream().collect(Collectors.toMap(BookEntry::bountyId, Function.identity()));
    }

    @Override
    public List<BookEntry> booksClaimingChainMoney(BountyId after, int limit) {
        return db.read("reconciliation books page", c -> BookRows.claimingChainMoney(c, after, limit));
    }

    @Override
    public int recordRun(List<Difference> found, Instant now) {
        return db.write("record reconciliation run", c -> DifferenceRows.recordRun(c, found, now));
    }

    @Override
    public List<DifferenceRecord> openDifferences(int limit) {
        return db.read("open differences", c -> DifferenceRows.open(c, limit));
    }

    @Override
    public Optional<DifferenceRecord> acknowledge(long id, String by, String note, Instant now) {
        return db.write("acknowledge difference " + id, c -> DifferenceRows.acknowledge(c, id, by, note, now));
    }

    @Override
    public Optional<Lease> tryHold(String name, String holder, Duration ttl, Instant now) {
        return leases.tryHold(name, holder, ttl, now);
    }

    @Override
    public void release(String name, String holder, Instant doneAt) {
        leases.release(name, holder, doneAt);
    }
}
