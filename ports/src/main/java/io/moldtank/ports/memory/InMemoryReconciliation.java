package io.moldtank.ports.memory;

import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reconciliation.BookEntry;
import io.moldtank.domain.reconciliation.BookEntry.PayoutBook;
import io.moldtank.domain.reconciliation.Difference;
import io.moldtank.ports.out.storage.DifferenceLog;
import io.moldtank.ports.out.storage.Leases;
import io.moldtank.ports.out.storage.ReconciliationBooks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reconciliation's storage ports in memory, over an {@link InMemoryStorage}: for embedders and tests. */
public final class InMemoryReconciliation implements ReconciliationBooks, DifferenceLog, Leases {
    private final InMemoryStorage storage;
    private final Map<String, DifferenceRecord> records = new LinkedHashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private long nextId = 1;

    public InMemoryReconciliation(InMemoryStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public Map<BountyId, BookEntry> books(Collection<BountyId> ids) {
        Map<BountyId, BookEntry> found = new HashMap<>();
        for (BountyId id : ids) {
            book(id).ifPresent(b -> found.put(id, b));
        }
        return found;
    }

    @Override
    public List<BookEntry> booksClaimingChainMoney(BountyId after, int limit) {
        // the canonical text's order is the byte order a database sorts uuids by (Java's compareTo is signed)
        return storage.bountyIds().stream().sorted(Comparator.comparing(id -> id.value().toString()))
                .filter(id -> after == null || id.value().toString().compareTo(after.value().toString()) > 0)
                .map(this::book).flatMap(Optional::stream)
                .filter(b -> b.depositTx() != null || b.status() == BountyStatus.PAID
                        || b.payout().map(p -> p.status() == PayoutStatus.CONFIRMED).orElse(false))
                .limit(limit).toList();
    }

    private Optional<BookEntry> book(BountyId id) {
        return storage.loadBounty(id).map(Bounty::snapshot).map(s -> new BookEntry(id, s.status(), s.terms().reward(),
                storage.agentById(s.poster()).orElseThrow().wallet(), s.depositTx(),
                storage.payoutOf(id).map(p -> new PayoutBook(p.id(), p.status(), p.wallet(), p.amount(), p.txHash(),
                        p.endpoint() != null))));
    }

    @Override
    public synchronized int recordRun(List<Difference> found, Instant now) {
        Set<String> seen = new HashSet<>();
        for (Difference d : found) {
            String key = d.kind() + "|" + d.bountyId() + "|" + d.txHash();
            seen.add(key);
            DifferenceRecord r = records.get(key);
            records.put(key, r == null
                    ? new DifferenceRecord(nextId++, d, now, now, null, null, null, null)
                    : new DifferenceRecord(r.id(), d, r.firstSeen(), now, null, r.acknowledgedBy(), r.note(),
                    r.acknowledgedAt()));
        }
        records.replaceAll((key, r) -> seen.contains(key) || r.clearedAt() != null ? r
                : new DifferenceRecord(r.id(), r.difference(), r.firstSeen(), r.lastSeen(), now, r.acknowledgedBy(),
                r.note(), r.acknowledgedAt()));
        return (int) records.values().stream().filter(r -> r.clearedAt() == null).count();
    }

    @Override
    public synchronized List<DifferenceRecord> openDifferences(int limit) {
        return records.values().stream().filter(r -> r.clearedAt() == null).limit(limit).toList();
    }

    @Override
    public synchronized Optional<DifferenceRecord> acknowledge(long id, String by, String note, Instant now) {
        for (var e : records.entrySet()) {
            DifferenceRecord r = e.getValue();
            if (r.id() == id) {
                var acked = new DifferenceRecord(r.id(), r.difference(), r.firstSeen(), r.lastSeen(), r.clearedAt(), by,
                        note, now);
                e.setValue(acked);
                return Optional.of(acked);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Lease> tryHold(String name, String holder, Duration ttl, Instant now) {
        Lease current = leases.get(name);
        if (current != null && current.holder() != null && !current.holder().equals(holder)
                && current.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        long fence = current == null ? 1 : holder.equals(current.holder()) ? current.fence() : current.fence() + 1;
        Lease held = new Lease(name, holder, fence, now.plus(ttl), current == null ? null : current.lastDoneAt());
        leases.put(name, held);
        return Optional.of(held);
    }

    @Override
    public synchronized void release(String name, String holder, Instant doneAt) {
        Lease current = leases.get(name);
        if (current != null && holder.equals(current.holder())) {
            leases.put(name, new Lease(name, null, current.fence(), Instant.EPOCH,
                    doneAt != null ? doneAt : current.lastDoneAt()));
        }
    }

    /** Every record, cleared ones too, for tests. */
    public synchronized List<DifferenceRecord> allDifferences() {
        return new ArrayList<>(records.values());
    }
}
