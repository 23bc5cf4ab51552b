package io.moldtank.adapters.persistence.storage;

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
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.review.Review;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.*;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Every storage port on a SQL database — PostgreSQL 14+, or H2 2.3 in PostgreSQL mode — through plain
 * JDBC on a {@link DataSource} that already carries the schema of {@code db/migration} (this class
 * neither pools nor migrates). Semantics are those of the in-memory reference: version-checked saves,
 * one agent per wallet, one submission per (bounty, sequence), one payout per bounty, keyset paging,
 * all-or-nothing transactions, and events handed to subscribers only once committed. The registry's
 * ports (listings, jobs, reviews, the ledger) follow the same reference; the ledger enforces the domain's
 * rules under row locks (see {@link Postings}).
 *
 * <p>Errors: a concurrent or duplicate write is a {@link StaleWrite}; a value the schema cannot hold is
 * an {@link UnstorableValue} (nothing is written); anything else from the database is an unchecked
 * exception naming the operation.
 */
public final class SqlStorage implements Transactions, LoadBounty, SaveBounty, FindBounties, LoadSubmission,
        SaveSubmission, AgentDirectory, CommentThread, PayoutOutbox, PublishEvents, ListingStore, JobStore,
        ReviewStore, Books {

    private final List<Consumer<Events.Logged>> subscribers = new CopyOnWriteArrayList<>();
    private final Db db;

    private SqlStorage(DataSource dataSource) {
        this.db = new Db(dataSource, subscribers);
    }

    /**
     * Storage on {@code dataSource}, whose schema has been migrated with {@code db/migration}. Make one per
     * data source and share it: a transaction is bound to the thread per instance, so ports of a second
     * instance would not join it.
     */
    public static SqlStorage on(DataSource dataSource) {
        return new SqlStorage(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Receives every event after the transaction that published it has committed, on the committing thread. */
    public void subscribe(Consumer<DomainEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscribers.add(logged -> subscriber.accept(logged.event()));
    }

    /**
     * The event log as an {@link EventFeed}: replay reads the {@code events} table, live entries come
     * from this storage's commits, both numbered by the database. Take one per storage (as
     * {@code SqlStore.eventFeed()} does): every feed stays subscribed for the storage's lifetime.
     */
    public EventFeed eventFeed() {
        return new SqlEventFeed(db, subscribers::add, () -> { });
    }

    /**
     * The same feed, also able to follow other processes that write to this database: each
     * {@link FollowingFeed#catchUp()} delivers what they committed since the last one, and every local
     * commit of events calls {@code committedHere} (to tell the others). The caller runs the passes.
     */
    public FollowingFeed followingEventFeed(Runnable committedHere) {
        return new SqlEventFeed(db, subscribers::add, Objects.requireNonNull(committedHere, "committedHere"));
    }

    /** An event feed that also delivers what other processes committed, one pass at a time. */
    public interface FollowingFeed extends EventFeed {
        /** Reads and delivers what other processes committed since the last pass; returns how many entries. */
        int catchUp();
    }

    /** The scraper's drafts and runs on this storage's database. */
    public SqlDraftStore drafts() {
        return new SqlDraftStore(db);
    }

    /** The operator console's audit log and money sums on this storage's database. */
    public SqlOperatorConsole operatorConsole() {
        return new SqlOperatorConsole(db);
    }

    /** The webhook outbox on this storage's database and transactions. */
    public SqlWebhooks webhooks() {
        return new SqlWebhooks(db);
    }

    /**
     * Discovery's text search (PostgreSQL full text, or filters in SQL and the in-process matcher on H2);
     * take one per storage: it caches the matcher's documents.
     */
    public SqlSearch search() {
        return new SqlSearch(db);
    }

    /** Reputation's facts and kept scores on this storage's database and transactions. */
    public SqlReputation reputation() {
        return new SqlReputation(db);
    }

    /** The A2A card cache on this storage's database. */
    public SqlAgentCards agentCards() {
        return new SqlAgentCards(db);
    }

    /** Agents' verified Moltbook identities on this storage's database. */
    public SqlMoltbookLinks moltbookLinks() {
        return new SqlMoltbookLinks(db);
    }

    /** The mock chain's shared log on this storage's database (in transactions of its own). */
    public SqlMockChainLog mockChainLog() {
        return new SqlMockChainLog(db);
    }

    /** Named leases for periodic work on this storage's database (the scheduler, reconciliation, the scraper). */
    public SqlLeases leases() {
        return new SqlLeases(db);
    }

    /** The queue of jobs' sandbox checks, read from the jobs this storage saves (issue 14 §1). */
    public SqlJobChecks jobChecks() {
        return new SqlJobChecks(db);
    }

    /** Reconciliation's ports (books, differences, leases) on this storage's database and transactions. */
    public SqlReconciliation reconciliation() {
        return new SqlReconciliation(db);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return db.inTransaction(work);
    }

    // --- bounties -------------------------------------------------------------------------------

    @Override
    public Optional<Bounty> loadBounty(BountyId id) {
        return db.read("load bounty " + id, c -> Bounties.load(c, id)).map(Bounty::restore);
    }

    @Override
    public void saveBounty(Bounty bounty) {
        BountySnapshot snapshot = bounty.snapshot();
        db.write("save bounty " + snapshot.id(), c -> {
            Bounties.save(c, snapshot);
            return null;
        });
    }

    @Override
    public Page<BountySnapshot> findBounties(BountyQuery query) {
        return db.read("list bounties", c -> BountyFinder.find(c, query));
    }

    @Override
    public List<BountyId> openPastDeadline(Instant now, int limit) {
        return db.read("find bounties past their deadline", c -> BountyFinder.openPastDeadline(c, now, limit));
    }

    // --- submissions ----------------------------------------------------------------------------

    @Override
    public Optional<Submission> loadSubmission(SubmissionId id) {
        return db.read("load submission " + id, c -> Submissions.load(c, id)).map(Submission::restore);
    }

    @Override
    public List<Submission> submissionsOf(BountyId bountyId) {
        return db.read("load submissions of bounty " + bountyId, c -> Submissions.of(c, bountyId)).stream()
                .map(Submission::restore).toList();
    }

    @Override
    public List<Submission> submissionsOf(BountyId bountyId, long afterSequence, int limit) {
        return db.read("load a page of submissions of bounty " + bountyId,
                c -> Submissions.page(c, bountyId, afterSequence, limit)).stream().map(Submission::restore).toList();
    }

    @Override
    public List<Submission> deadLettered(int limit) {
        return db.read("list dead-lettered submissions", c -> Submissions.deadLettered(c, limit)).stream()
                .map(Submission::restore).toList();
    }

    @Override
    public List<Submission> undecidedBefore(Instant before, int limit) {
        return db.read("list undecided submissions", c -> Submissions.undecidedBefore(c, before, limit)).stream()
                .map(Submission::restore).toList();
    }

    @Override
    public void saveSubmission(Submission submission) {
        SubmissionSnapshot snapshot = submission.snapshot();
        db.write("save submission " + snapshot.id(), c -> {
            Submissions.save(c, snapshot);
            return null;
        });
    }

    // --- agents ---------------------------------------------------------------------------------

    @Override
    public Optional<Agent> agentById(AgentId id) {
        return db.read("load agent " + id, c -> Agents.find(c, "id", id.value()));
    }

    @Override
    public Optional<Agent> agentByWallet(WalletAddress wallet) {
        return db.read("find agent by wallet", c -> Agents.find(c, "wallet", wallet.hex()));
    }

    @Override
    public void saveAgent(Agent agent) {
        db.write("save agent " + agent.id(), c -> {
            Agents.save(c, agent);
            return null;
        });
    }

    // --- comments -------------------------------------------------------------------------------

    @Override
    public void appendComment(Comment comment) {
        db.write("append comment to bounty " + comment.bountyId(), c -> {
            Comments.append(c, comment);
            return null;
        });
    }

    @Override
    public Page<Comment> comments(BountyId bountyId, String after, int limit) {
        return db.read("list comments of bounty " + bountyId, c -> Comments.page(c, bountyId, after, limit));
    }

    // --- payouts --------------------------------------------------------------------------------

    @Override
    public boolean addPayout(Payout payout) {
        return db.write("add payout for bounty " + payout.bountyId(), c -> Payouts.add(c, payout));
    }

    @Override
    public Optional<Payout> payout(PayoutId id) {
        return db.read("load payout " + id, c -> Payouts.select(c, "id = ?", 1, id.value())).stream().findFirst();
    }

    @Override
    public Optional<Payout> payoutOf(BountyId bountyId) {
        return db.read("load payout of bounty " + bountyId, c -> Payouts.select(c, "bounty_id = ?", 1,
                bountyId.value())).stream().findFirst();
    }

    @Override
    public List<Payout> workable(Instant now, int limit) {
        return db.read("list workable payouts", c -> Payouts.select(c,
                "(status = ? AND next_attempt_at <= ?) OR status = ?", limit, PayoutStatus.PENDING.name(), now,
                PayoutStatus.SENT.name()));
    }

    @Override
    public List<Payout> parked(int limit) {
        return db.read("list parked payouts", c -> Payouts.select(c, "status = ?", limit, PayoutStatus.PARKED.name()));
    }

    @Override
    public void savePayout(Payout payout) {
        db.write("save payout " + payout.id(), c -> {
            Payouts.save(c, payout);
            return null;
        });
    }

    // --- events ---------------------------------------------------------------------------------

    /** Appends to the event log in the current transaction; subscribers see the events once it commits. */
    @Override
    public void publish(List<DomainEvent> events) {
        List<DomainEvent> copy = List.copyOf(events);
        db.write("publish events", c -> {
            db.afterCommit(Events.append(c, copy));
            return null;
        });
    }

    // --- listings, jobs, reviews ----------------------------------------------------------------

    @Override
    public void saveListing(Listing listing) {
        db.write("save listing " + listing.id(), c -> {
            Listings.save(c, listing);
            return null;
        });
    }

    @Override
    public Optional<Listing> listing(ListingId id) {
        return db.read("load listing " + id, c -> Listings.load(c, id));
    }

    @Override
    public Page<Listing> discover(ListingQuery query) {
        return db.read("discover listings", c -> Listings.discover(c, query));
    }

    @Override
    public Optional<Versioned<Job>> loadJob(JobId id) {
        return db.read("load job " + id, c -> Jobs.load(c, id))
                .map(v -> new Versioned<>(Job.restore(v.value()), v.version()));
    }

    @Override
    public void saveJob(Job job, long expectedVersion) {
        JobSnapshot snapshot = job.snapshot();
        db.write("save job " + snapshot.id(), c -> {
            Jobs.save(c, snapshot, expectedVersion);
            return null;
        });
    }

    @Override
    public List<JobSnapshot> jobsOf(AgentId agent, int limit) {
        return db.read("list jobs of agent " + agent, c -> Jobs.of(c, agent, limit));
    }

    @Override
    public boolean addReview(Review review) {
        return db.write("add review of job " + review.jobId(), c -> Reviews.add(c, review));
    }

    @Override
    public List<Review> reviewsOf(AgentId subject, int limit) {
        return db.read("list reviews of agent " + subject, c -> Reviews.of(c, subject, limit));
    }

    // --- ledger ---------------------------------------------------------------------------------

    @Override
    public Account openAccount(AccountId id, AccountKind kind, Instant at) {
        return db.write("open account " + id, c -> {
            Account stored = LedgerRows.open(c, id, kind, at);
            if (stored.kind() != kind) {
                throw new Rejection(LedgerRefusal.ACCOUNT_EXISTS_DIFFERENT, id + " is " + stored.kind() + ", not " + kind);
            }
            return stored;
        });
    }

    @Override
    public List<TransferOutcome> transferAll(List<TransferRequest> requests, Instant at) {
        List<TransferRequest> copy = List.copyOf(requests);
        return db.write("record " + copy.size() + " transfer(s)", c -> Postings.record(c, copy, false, at));
    }

    @Override
    public TransferOutcome hold(TransferRequest request, Instant at) {
        return db.write("hold " + request.id(), c -> Postings.record(c, List.of(request), true, at)).getFirst();
    }

    @Override
    public void postHold(TransferId hold, Instant at) {
        db.write("post hold " + hold, c -> {
            Postings.resolve(c, hold, TransferState.POSTED, at);
            return null;
        });
    }

    @Override
    public void voidHold(TransferId hold, Instant at) {
        db.write("void hold " + hold, c -> {
            Postings.resolve(c, hold, TransferState.VOIDED, at);
            return null;
        });
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return db.read("load account " + id, c -> LedgerRows.account(c, id, false));
    }

    @Override
    public LedgerTotals totals() {
        return db.read("sum the ledger", LedgerRows::totals);
    }
}
