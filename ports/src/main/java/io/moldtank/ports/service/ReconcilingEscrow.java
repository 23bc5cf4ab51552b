package io.moldtank.ports.service;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.reconciliation.BookEntry;
import io.moldtank.domain.reconciliation.Difference;
import io.moldtank.domain.reconciliation.EscrowEntry;
import io.moldtank.domain.reconciliation.EscrowReconciliation;
import io.moldtank.domain.reconciliation.Repair;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.reconciliation.ReconciliationUseCases;
import io.moldtank.ports.in.reconciliation.ReconciliationReport;
import io.moldtank.ports.out.chain.EscrowHistory;
import io.moldtank.ports.out.storage.DifferenceLog;
import io.moldtank.ports.out.storage.DifferenceLog.DifferenceRecord;
import io.moldtank.ports.out.storage.Leases;
import io.moldtank.ports.out.storage.ReconciliationBooks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 22: the chain is the source of truth for money. A run reads the books, then the chain (so a
 * deposit or release the books recorded is always already on chain when it is read), compares them
 * bounty by bounty ({@link EscrowReconciliation}), applies the repairs through the domain's own
 * transitions, and keeps every other difference for an operator. It never pays. One node at a time,
 * through a lease in the shared database.
 */
public final class ReconcilingEscrow implements ReconciliationUseCases {
    static final String LEASE = "escrow-reconciliation";
    private static final int PAGE = 500;

    private final ReconciliationBooks books;
    private final DifferenceLog differences;
    private final Leases leases;
    private final EscrowHistory chain;
    private final ReconciliationRepairs repairs;
    private final Clock clock;
    private final String node;
    private final Duration maxRun;
    private final AtomicReference<ReconciliationReport> last = new AtomicReference<>();

    /** {@code node} names this process in the lease; {@code maxRun} is how long a run may hold it. */
    public ReconcilingEscrow(Storage storage, ReconciliationBooks books, DifferenceLog differences, Leases leases,
                             EscrowHistory chain, Clock clock, String node, Duration maxRun) {
        this.books = books;
        this.differences = differences;
        this.leases = leases;
        this.chain = chain;
        this.repairs = new ReconciliationRepairs(storage, clock);
        this.clock = clock;
        this.node = node;
        this.maxRun = maxRun;
    }

    @Override
    public Optional<ReconciliationReport> reconcileNow() {
        return underLease(null);
    }

    @Override
    public Optional<ReconciliationReport> reconcileIfDue(Duration interval) {
        return underLease(interval);
    }

    @Override
    public Optional<ReconciliationReport> lastRun() {
        return Optional.ofNullable(last.get());
    }

    @Override
    public List<DifferenceRecord> openDifferences(int limit) {
        return differences.openDifferences(Math.max(0, limit));
    }

    @Override
    public Outcome<DifferenceRecord> acknowledge(AcknowledgeDifferenceCommand c) {
        return differences.acknowledge(c.id(), c.operator(), c.note(), clock.instant())
                .<Outcome<DifferenceRecord>>map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("difference", c.id()));
    }

    private Optional<ReconciliationReport> underLease(Duration dueAfter) {
        var lease = leases.tryHold(LEASE, node, maxRun, clock.instant());
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        if (dueAfter != null && lease.get().lastDoneAt() != null
                && lease.get().lastDoneAt().plus(dueAfter).isAfter(clock.instant())) {
            leases.release(LEASE, node, null);
            return Optional.empty();
        }
        try {
            ReconciliationReport report = run();
            last.set(report);
            leases.release(LEASE, node, report.finishedAt());
            return Optional.of(report);
        } catch (RuntimeException e) {
            leases.release(LEASE, node, null);
            throw e;
        }
    }

    private ReconciliationReport run() {
        var started = clock.instant();
        Map<BountyId, BookEntry> known = new HashMap<>();
        BountyId after = null;
        for (List<BookEntry> page; !(page = books.booksClaimingChainMoney(after, PAGE)).isEmpty(); ) {
            page.forEach(b -> known.put(b.bountyId(), b));
            after = page.get(page.size() - 1).bountyId();
            if (page.size() < PAGE) {
                break;
            }
        }
        List<EscrowEntry> entries = chain.confirmedEntries();
        Map<BountyId, List<EscrowEntry>> onChain = new LinkedHashMap<>();
        entries.forEach(e -> onChain.computeIfAbsent(e.bountyId(), k -> new ArrayList<>()).add(e));
        var unread = new LinkedHashSet<>(onChain.keySet());
        unread.removeAll(known.keySet());
        known.putAll(books.books(unread));

        Set<BountyId> ids = new LinkedHashSet<>(onChain.keySet());
        ids.addAll(known.keySet());
        var repaired = new ArrayList<Repair>();
        var found = new ArrayList<Difference>();
        for (BountyId id : ids) {
            var outcome = EscrowReconciliation.compare(id, Optional.ofNullable(known.get(id)),
                    onChain.getOrDefault(id, List.of()));
            found.addAll(outcome.differences());
            for (Repair r : outcome.repairs()) {
                repairs.apply(r).ifPresentOrElse(found::add, () -> repaired.add(r));
            }
        }
        int open = differences.recordRun(found, clock.instant());
        return new ReconciliationReport(started, clock.instant(), entries.size(), ids.size(), repaired, found, open);
    }
}
