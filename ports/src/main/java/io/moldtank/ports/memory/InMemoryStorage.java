package io.moldtank.ports.memory;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobSnapshot;
import io.moldtank.domain.ledger.*;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.review.Review;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.*;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every storage port in memory, for embedders and property tests. Transactions are serialised by one
 * lock and undone from an undo log, so a failed unit of work leaves nothing behind — as a database would.
 */
public final class InMemoryStorage implements Transactions, LoadBounty, SaveBounty, FindBounties, LoadSubmission,
        SaveSubmission, AgentDirectory, CommentThread, PayoutOutbox, PublishEvents, ListingStore, JobStore,
        ReviewStore, Books {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<BountyId, BountySnapshot> bounties = new HashMap<>();
    private final Map<SubmissionId, SubmissionSnapshot> submissions = new HashMap<>();
    /** Sequences taken per bounty, so a new submission's uniqueness check is a lookup, not a scan of all. */
    private final Set<BountySequence> sequences = new HashSet<>();
    private final Map<AgentId, Agent> agents = new HashMap<>();
    private final Map<BountyId, List<Comment>> comments = new HashMap<>();
    private final Map<PayoutId, Payout> payouts = new HashMap<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private final List<Consumer<DomainEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Map<ListingId, Listing> listings = new HashMap<>();
    private final Map<JobId, Versioned<JobSnapshot>> jobs = new HashMap<>();
    private final Map<UUID, Review> reviews = new HashMap<>();
    /** Job ids in insertion order, so {@link #jobsOf} can answer newest first. */
    private final List<JobId> jobOrder = new ArrayList<>();
    /** The ledger is rebuilt from this journal when a transaction that wrote to it rolls back. */
    private final List<Consumer<Ledger>> journal = new ArrayList<>();
    private Ledger ledger = new Ledger();
    private Deque<Runnable> undo;
    private List<DomainEvent> uncommitted;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (undo != null) {
                return work.get(); // joins the enclosing transaction
            }
            undo = new ArrayDeque<>();
            uncommitted = new ArrayList<>();
            List<DomainEvent> committed;
            try {
                T result = work.get();
                committed = uncommitted;
                return deliverAfter(result, committed);
            } catch (RuntimeException | Error e) {
                undo.forEach(Runnable::run);
                throw e;
            } finally {
                undo = null;
                uncommitted = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T deliverAfter(T result, List<DomainEvent> committed) {
        events.addAll(committed);
        for (DomainEvent e : committed) {
            subscribers.forEach(s -> s.accept(e));
        }
        return result;
    }

    /** Runs a single write atomically when no transaction is open. */
    private <T> T atomically(Supplier<T> write) {
        return inTransaction(write);
    }

    private <K, V> void put(Map<K, V> map, K key, V value) {
        V previous = map.put(key, value);
        undo.push(() -> {
            if (previous == null) {
                map.remove(key);
            } else {
                map.put(key, previous);
            }
        });
    }

    private <V> V read(Supplier<V> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    // --- bounties -------------------------------------------------------------------------------

    @Override
    public Optional<Bounty> loadBounty(BountyId id) {
        return read(() -> Optional.ofNullable(bounties.get(id)).map(Bounty::restore));
    }

    @Override
    public void saveBounty(Bounty bounty) {
        atomically(() -> {
            BountySnapshot next = bounty.snapshot();
            put(bounties, next.id(), versioned("bounty " + next.id(), bounties.get(next.id()),
                    s -> s.version(), next.version(), next::withVersion));
            return null;
        });
    }

    private static <S> S versioned(String what, S stored, java.util.function.ToLongFunction<S> version, long expected,
                                   java.util.function.LongFunction<S> withVersion) {
        long storedVersion = stored == null ? 0 : version.applyAsLong(stored);
        if (storedVersion != expected) {
            throw new StaleWrite(what);
        }
        return withVersion.apply(storedVersion + 1);
    }

    @Override
    public Page<BountySnapshot> findBounties(BountyQuery q) {
        return read(() -> {
            List<BountySnapshot> all = bounties.values().stream()
                    .filter(b -> q.status() == null || b.status() == q.status())
                    .filter(b -> q.tag() == null || b.terms().tags().contains(q.tag()))
                    .filter(b -> q.minReward() == null || b.terms().reward().compareTo(q.minReward()) >= 0)
                    .filter(b -> q.maxReward() == null || b.terms().reward().compareTo(q.maxReward()) <= 0)
                    .sorted(BountyOrder.of(q.sort()))
                    .toList();
            return Cursors.page(all, q.after(), q.limit(), b -> b.id().toString());
        });
    }

    /** Every bounty's id, for the in-memory reconciliation books. */
    List<BountyId> bountyIds() {
        lock.lock();
        try {
            return List.copyOf(bounties.keySet());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<BountyId> openPastDeadline(Instant now, int limit) {
        return read(() -> bounties.values().stream()
                .filter(b -> b.status() == BountyStatus.OPEN && !b.terms().deadline().isAfter(now))
                .sorted(Comparator.comparing((BountySnapshot b) -> b.terms().deadline()))
                .limit(limit).map(BountySnapshot::id).toList());
    }

    // --- submissions ----------------------------------------------------------------------------

    @Override
    public Optional<Submission> loadSubmission(SubmissionId id) {
        return read(() -> Optional.ofNullable(submissions.get(id)).map(Submission::restore));
    }

    @Override
    public List<Submission> submissionsOf(BountyId bountyId) {
        return read(() -> submissions.values().stream().filter(s -> s.bountyId().equals(bountyId))
                .sorted(Comparator.comparingLong(SubmissionSnapshot::sequence)).map(Submission::restore).toList());
    }

    @Override
    public List<Submission> submissionsOf(BountyId bountyId, long afterSequence, int limit) {
        return read(() -> submissions.values().stream()
                .filter(s -> s.bountyId().equals(bountyId) && s.sequence() > afterSequence)
                .sorted(Comparator.comparingLong(SubmissionSnapshot::sequence)).limit(Math.max(0, limit))
                .map(Submission::restore).toList());
    }

    @Override
    public List<Submission> deadLettered(int limit) {
        return read(() -> submissions.values().stream().filter(s -> s.status() == SubmissionStatus.DEAD_LETTERED)
                .sorted(Comparator.comparing(SubmissionSnapshot::receivedAt)
                        .thenComparing(s -> s.id().value()))
                .limit(Math.max(0, limit)).map(Submission::restore).toList());
    }

    @Override
    public List<Submission> undecidedBefore(Instant before, int limit) {
        return read(() -> submissions.values().stream()
                .filter(s -> s.status() == SubmissionStatus.QUEUED || s.status() == SubmissionStatus.VALIDATING)
                .filter(s -> s.receivedAt().isBefore(before))
                .sorted(Comparator.comparing(SubmissionSnapshot::receivedAt).thenComparing(s -> s.id().value()))
                .limit(Math.max(0, limit)).map(Submission::restore).toList());
    }

    @Override
    public void saveSubmission(Submission submission) {
        atomically(() -> {
            SubmissionSnapshot next = submission.snapshot();
            SubmissionSnapshot stored = submissions.get(next.id());
            BountySequence taken = new BountySequence(next.bountyId(), next.sequence());
            if (stored == null && sequences.contains(taken)) {
                throw new StaleWrite("sequence " + next.sequence() + " of bounty " + next.bountyId());
            }
            put(submissions, next.id(), versioned("submission " + next.id(), stored, SubmissionSnapshot::version,
                    next.version(), next::withVersion));
            if (stored == null) {
                sequences.add(taken);
                undo.push(() -> sequences.remove(taken));
            }
            return null;
        });
    }

    // --- agents ---------------------------------------------------------------------------------

    @Override
    public Optional<Agent> agentById(AgentId id) {
        return read(() -> Optional.ofNullable(agents.get(id)));
    }

    @Override
    public Optional<Agent> agentByWallet(WalletAddress wallet) {
        return read(() -> agents.values().stream().filter(a -> a.wallet().equals(wallet)).findFirst());
    }

    @Override
    public void saveAgent(Agent agent) {
        atomically(() -> {
            Agent stored = agents.get(agent.id());
            if (stored == null && agents.values().stream().anyMatch(a -> a.wallet().equals(agent.wallet()))) {
                throw new StaleWrite("agent with wallet " + agent.wallet());
            }
            put(agents, agent.id(), versioned("agent " + agent.id(), stored, Agent::version, agent.version(),
                    v -> new Agent(agent.id(), agent.wallet(), agent.profile(), agent.status(), agent.registeredAt(), v)));
            return null;
        });
    }

    // --- comments -------------------------------------------------------------------------------

    @Override
    public void appendComment(Comment comment) {
        atomically(() -> {
            List<Comment> thread = new ArrayList<>(comments.getOrDefault(comment.bountyId(), List.of()));
            if (thread.stream().anyMatch(c -> c.id().equals(comment.id()))) {
                throw new StaleWrite("comment " + comment.id());
            }
            thread.add(comment);
            put(comments, comment.bountyId(), List.copyOf(thread));
            return null;
        });
    }

    @Override
    public Page<Comment> comments(BountyId bountyId, String after, int limit) {
        return read(() -> Cursors.page(comments.getOrDefault(bountyId, List.of()), after, limit, c -> c.id().toString()));
    }

    // --- payouts --------------------------------------------------------------------------------

    @Override
    public boolean addPayout(Payout payout) {
        return atomically(() -> {
            if (payouts.values().stream().anyMatch(p -> p.bountyId().equals(payout.bountyId()))
                    || payouts.containsKey(payout.id())) {
                return false;
            }
            put(payouts, payout.id(), payout.withVersion(1));
            return true;
        });
    }

    @Override
    public Optional<Payout> payout(PayoutId id) {
        return read(() -> Optional.ofNullable(payouts.get(id)));
    }

    @Override
    public Optional<Payout> payoutOf(BountyId bountyId) {
        return read(() -> payouts.values().stream().filter(p -> p.bountyId().equals(bountyId)).findFirst());
    }

    @Override
    public List<Payout> workable(Instant now, int limit) {
        return read(() -> payouts.values().stream()
                .filter(p -> p.isDue(now) || p.status() == PayoutStatus.SENT)
                .sorted(Comparator.comparing(Payout::createdAt)).limit(limit).toList());
    }

    @Override
    public List<Payout> parked(int limit) {
        return read(() -> payouts.values().stream().filter(p -> p.status() == PayoutStatus.PARKED)
                .sorted(Comparator.comparing(Payout::createdAt)).limit(limit).toList());
    }

    @Override
    public void savePayout(Payout payout) {
        atomically(() -> {
            put(payouts, payout.id(), versioned("payout " + payout.id(), payouts.get(payout.id()), Payout::version,
                    payout.version(), payout::withVersion));
            return null;
        });
    }

    // --- events ---------------------------------------------------------------------------------

    @Override
    public void publish(List<DomainEvent> published) {
        atomically(() -> uncommitted.addAll(published));
    }

    /** Every committed event, in commit order. */
    public List<DomainEvent> published() {
        return read(() -> List.copyOf(events));
    }

    public void subscribe(Consumer<DomainEvent> subscriber) {
        subscribers.add(subscriber);
    }

    // --- listings, jobs, reviews -----------------------------------------------------------------

    @Override
    public void saveListing(Listing listing) {
        atomically(() -> {
            put(listings, listing.id(), listing);
            return null;
        });
    }

    @Override
    public Optional<Listing> listing(ListingId id) {
        return read(() -> Optional.ofNullable(listings.get(id)));
    }

    @Override
    public Page<Listing> discover(ListingQuery q) {
        return read(() -> Cursors.page(listings.values().stream().filter(Listing::active)
                .filter(l -> q.tag() == null || l.tags().contains(q.tag()))
                .filter(l -> q.maxPrice() == null || l.price().compareTo(q.maxPrice()) <= 0)
                .sorted(Comparator.comparing(Listing::createdAt).reversed().thenComparing(l -> l.id().value()))
                .toList(), q.after(), q.limit(), l -> l.id().toString()));
    }

    @Override
    public Optional<Versioned<Job>> loadJob(JobId id) {
        return read(() -> Optional.ofNullable(jobs.get(id)).map(v -> new Versioned<>(Job.restore(v.value()), v.version())));
    }

    @Override
    public void saveJob(Job job, long expectedVersion) {
        atomically(() -> {
            Versioned<JobSnapshot> stored = jobs.get(job.id());
            long current = stored == null ? 0 : stored.version();
            if (current != expectedVersion) {
                throw new StaleWrite("job " + job.id());
            }
            if (stored == null) {
                jobOrder.add(job.id());
                undo.push(() -> jobOrder.remove(job.id()));
            }
            put(jobs, job.id(), new Versioned<>(job.snapshot(), current + 1));
            return null;
        });
    }

    /** Every job, in insertion order, for {@link InMemoryPendingJobChecks} to read. */
    List<JobSnapshot> jobSnapshots() {
        return read(() -> jobOrder.stream().map(id -> jobs.get(id).value()).toList());
    }

    @Override
    public List<JobSnapshot> jobsOf(io.moldtank.domain.agent.AgentId agent, int limit) {
        return read(() -> jobOrder.reversed().stream().map(id -> jobs.get(id).value())
                .filter(j -> j.parties().includes(agent)).limit(limit).toList());
    }

    @Override
    public boolean addReview(Review review) {
        return atomically(() -> {
            if (reviews.values().stream().anyMatch(r -> r.jobId().equals(review.jobId())
                    && r.reviewer().equals(review.reviewer()))) {
                return false;
            }
            put(reviews, review.id(), review);
            return true;
        });
    }

    @Override
    public List<Review> reviewsOf(io.moldtank.domain.agent.AgentId subject, int limit) {
        return read(() -> reviews.values().stream().filter(r -> r.subject().equals(subject))
                .sorted(Comparator.comparing(Review::at).reversed()).limit(limit).toList());
    }

    // --- ledger ---------------------------------------------------------------------------------

    private <T> T onLedger(java.util.function.Function<Ledger, T> op) {
        return atomically(() -> {
            T result = op.apply(ledger);
            journal.add(op::apply);
            undo.push(() -> {
                journal.removeLast();
                ledger = new Ledger();
                journal.forEach(j -> j.accept(ledger));
            });
            return result;
        });
    }

    @Override
    public Account openAccount(AccountId id, AccountKind kind, Instant at) {
        return onLedger(l -> l.open(id, kind, at));
    }

    @Override
    public List<TransferOutcome> transferAll(List<TransferRequest> requests, Instant at) {
        return onLedger(l -> l.transferAll(requests, at));
    }

    @Override
    public TransferOutcome hold(TransferRequest request, Instant at) {
        return onLedger(l -> l.hold(request, at));
    }

    @Override
    public void postHold(TransferId hold, Instant at) {
        onLedger(l -> l.post(hold, at));
    }

    @Override
    public void voidHold(TransferId hold, Instant at) {
        onLedger(l -> l.voidHold(hold, at));
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return read(() -> ledger.account(id));
    }

    @Override
    public LedgerTotals totals() {
        return read(() -> ledger.totals());
    }

    // --- what reputation reads in memory (InMemoryReputation) ----------------------------------

    public Optional<Transfer> transfer(TransferId id) {
        return read(() -> ledger.transfer(id));
    }

    public List<AgentId> agentIds() {
        return read(() -> List.copyOf(agents.keySet()));
    }

    public List<Payout> allPayouts() {
        return read(() -> List.copyOf(payouts.values()));
    }

    private record BountySequence(BountyId bounty, long sequence) {
    }
}
