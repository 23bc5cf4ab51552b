package io.moldtank.domain.bounty;

import static io.moldtank.domain.bounty.BountyRefusal.*;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.domain.shared.EventLog;
import io.moldtank.domain.shared.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bounty aggregate: lifecycle, per-bounty submission sequence, duplicate refusal, the FIFO award
 * and its escrow. Every method either applies a legal move and records an event, or throws a
 * {@link Rejection} before touching anything.
 */
public final class Bounty {
    /** The poster may reclaim an unawarded deposit this long after the deadline (the contract agrees). */
    public static final Duration REFUND_GRACE = Duration.ofHours(24);

    private final BountyId id;
    private final AgentId poster;
    private final BountyTerms terms;
    private final Instant createdAt;
    private final List<SubmissionSlot> slots;
    private final EventLog events = new EventLog();
    private BountyStatus status;
    private Usdc deposited;
    private String depositTx;
    private SubmissionId winner;
    private String payoutTx;
    private long version;

    private Bounty(BountySnapshot s) {
        this.id = s.id();
        this.poster = s.poster();
        this.terms = s.terms();
        this.createdAt = s.createdAt();
        this.slots = new ArrayList<>(s.slots());
        this.status = s.status();
        this.deposited = s.deposited();
        this.depositTx = s.depositTx();
        this.winner = s.winner();
        this.payoutTx = s.payoutTx();
        this.version = s.version();
    }

    public static Bounty draft(BountyId id, AgentId poster, BountyTerms terms, Instant now) {
        if (!terms.deadline().isAfter(now)) {
            throw new Rejection(DEADLINE_IN_PAST, "deadline " + terms.deadline() + " is not after " + now);
        }
        Bounty b = new Bounty(new BountySnapshot(id, poster, terms, now, BountyStatus.DRAFT, Usdc.ZERO, null,
                List.of(), null, null, 0));
        b.events.record(new BountyEvent.Drafted(id, poster, terms.reward(), terms.deadline(), now));
        return b;
    }

    public static Bounty restore(BountySnapshot snapshot) {
        return new Bounty(snapshot);
    }

    public BountySnapshot snapshot() {
        return new BountySnapshot(id, poster, terms, createdAt, status, deposited, depositTx, List.copyOf(slots),
                winner, payoutTx, version);
    }

    /** The poster asks for the deposit transaction; asking again while awaiting it changes nothing. */
    public void requestDeposit(AgentId by, Instant now) {
        requirePoster(by);
        if (status == BountyStatus.AWAITING_DEPOSIT) {
            return;
        }
        requireStatus(BountyStatus.DRAFT, "request a deposit");
        requireBeforeDeadline(now);
        status = BountyStatus.AWAITING_DEPOSIT;
        events.record(new BountyEvent.DepositRequested(id, terms.reward(), now));
    }

    /**
     * The chain confirmed the deposit: only now is the bounty OPEN. Confirming again with the deposit
     * already recorded changes nothing (a client whose answer was lost, or reconciliation got there first).
     */
    public void confirmDeposit(Usdc amount, String txHash, Instant now) {
        if (depositTx != null && depositTx.equalsIgnoreCase(txHash) && amount.equals(deposited)) {
            return;
        }
        requireStatus(BountyStatus.AWAITING_DEPOSIT, "confirm a deposit");
        if (!amount.equals(terms.reward())) {
            throw new Rejection(DEPOSIT_MISMATCH, "deposit of " + amount + " does not match the reward " + terms.reward());
        }
        requireBeforeDeadline(now);
        status = BountyStatus.OPEN;
        deposited = amount;
        depositTx = txHash;
        events.record(new BountyEvent.Opened(id, amount, txHash, now));
    }

    /**
     * As {@link #submit(SubmissionId, AgentId, ContentHash, Instant)}, and first refuses files the
     * acceptance's test runner would read as configuration ({@link RunnerFiles}).
     */
    public SubmissionSlot submit(SubmissionId submissionId, AgentId agent, SubmissionContent content, Instant now) {
        var refused = RunnerFiles.firstRefused(terms.acceptance(), content.files().keySet());
        if (refused.isPresent()) {
            throw new Rejection(RUNNER_FILE, "submission file " + refused.get());
        }
        return submit(submissionId, agent, content.hash(), now);
    }

    /** Stamps the next sequence number; refuses the poster's own work and duplicates. */
    public SubmissionSlot submit(SubmissionId submissionId, AgentId agent, ContentHash hash, Instant now) {
        requireStatus(BountyStatus.OPEN, "accept a submission");
        requireBeforeDeadline(now);
        if (agent.equals(poster)) {
            throw new Rejection(OWN_BOUNTY, "a poster cannot solve their own bounty");
        }
        for (SubmissionSlot s : slots) {
            if (s.agent().equals(agent) && s.contentHash().equals(hash)) {
                throw new Rejection(DUPLICATE_SUBMISSION, "same content already submitted as #" + s.sequence());
            }
        }
        SubmissionSlot slot = new SubmissionSlot(slots.size() + 1L, submissionId, agent, hash, now, Standing.PENDING);
        slots.add(slot);
        events.record(new BountyEvent.SubmissionReceived(id, submissionId, agent, slot.sequence(), now));
        return slot;
    }

    /**
     * Records a final verdict and awards the bounty if the FIFO rule now names a winner. Verdicts that
     * arrive after the award are kept but can never make a second winner.
     */
    public Optional<BountyEvent.Awarded> recordVerdict(SubmissionId submissionId, boolean passed, Instant now) {
        int i = indexOf(submissionId);
        SubmissionSlot slot = slots.get(i);
        if (slot.standing().isFinal()) {
            throw new Rejection(VERDICT_ALREADY_FINAL, "submission #" + slot.sequence() + " already " + slot.standing());
        }
        slots.set(i, slot.with(passed ? Standing.PASSED : Standing.FAILED));
        events.record(new BountyEvent.VerdictRecorded(id, submissionId, slot.sequence(), passed, now));
        if (status != BountyStatus.OPEN) {
            return Optional.empty();
        }
        return FifoAwardPolicy.winner(slots).map(w -> award(w, now));
    }

    private BountyEvent.Awarded award(SubmissionSlot w, Instant now) {
        status = BountyStatus.AWARDED;
        winner = w.submissionId();
        BountyEvent.Awarded awarded = new BountyEvent.Awarded(id, w.submissionId(), w.agent(), deposited, now);
        events.record(awarded);
        return awarded;
    }

    /** The escrow released the reward to the winner; {@code txHash} proves it. */
    public void markPaid(String txHash, Instant now) {
        requireStatus(BountyStatus.AWARDED, "mark paid");
        if (txHash == null || txHash.isBlank()) {
            throw new IllegalArgumentException("a payment keeps its transaction hash");
        }
        status = BountyStatus.PAID;
        payoutTx = txHash;
        events.record(new BountyEvent.Paid(id, winner, txHash, now));
    }

    /** Only the poster, and only while nobody has submitted; a funded bounty's deposit becomes refundable. */
    public void cancel(AgentId by, Instant now) {
        requirePoster(by);
        if (status != BountyStatus.DRAFT && status != BountyStatus.AWAITING_DEPOSIT && status != BountyStatus.OPEN) {
            throw illegal("cancel");
        }
        if (!slots.isEmpty()) {
            throw new Rejection(CANCEL_WITH_SUBMISSIONS, slots.size() + " submission(s) already received");
        }
        status = BountyStatus.CANCELLED;
        events.record(new BountyEvent.Cancelled(id, deposited, now));
    }

    /** Deadline passed, no winner, and no verdict still outstanding. */
    public void expire(Instant now) {
        requireStatus(BountyStatus.OPEN, "expire");
        if (now.isBefore(terms.deadline())) {
            throw new Rejection(DEADLINE_NOT_PASSED, "deadline is " + terms.deadline());
        }
        if (slots.stream().anyMatch(s -> !s.standing().isFinal())) {
            throw new Rejection(VALIDATIONS_PENDING, "submissions are still being validated");
        }
        status = BountyStatus.EXPIRED;
        events.record(new BountyEvent.Expired(id, now));
    }

    /**
     * The poster reclaims an unawarded deposit, no earlier than deadline + 24 h (as the contract
     * enforces) — also for a funded bounty that was cancelled, whose deposit stays in escrow until then.
     */
    public void refund(AgentId by, Instant now) {
        requirePoster(by);
        if (status == BountyStatus.AWARDED || status == BountyStatus.PAID) {
            throw new Rejection(ALREADY_AWARDED, "the reward went to a winner");
        }
        boolean fundedAndCancelled = status == BountyStatus.CANCELLED && !deposited.isZero();
        if (status != BountyStatus.OPEN && status != BountyStatus.EXPIRED && !fundedAndCancelled) {
            throw illegal("refund");
        }
        Instant allowedFrom = terms.deadline().plus(REFUND_GRACE);
        if (now.isBefore(allowedFrom)) {
            throw new Rejection(REFUND_TOO_EARLY, "refunds open at " + allowedFrom);
        }
        status = BountyStatus.REFUNDED;
        events.record(new BountyEvent.Refunded(id, deposited, now));
    }

    public List<DomainEvent> pullEvents() {
        return events.drain();
    }

    private int indexOf(SubmissionId submissionId) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).submissionId().equals(submissionId)) {
                return i;
            }
        }
        throw new Rejection(UNKNOWN_SUBMISSION, submissionId + " is not a submission of bounty " + id);
    }

    private void requirePoster(AgentId by) {
        if (!poster.equals(by)) {
            throw new Rejection(NOT_POSTER, "only the poster may do this");
        }
    }

    private void requireStatus(BountyStatus expected, String action) {
        if (status != expected) {
            throw illegal(action);
        }
    }

    private void requireBeforeDeadline(Instant now) {
        if (!now.isBefore(terms.deadline())) {
            throw new Rejection(DEADLINE_PASSED, "deadline was " + terms.deadline());
        }
    }

    private Rejection illegal(String action) {
        return new Rejection(ILLEGAL_TRANSITION, "cannot " + action + " a bounty that is " + status);
    }

    public BountyId id() { return id; }
    public AgentId poster() { return poster; }
    public BountyTerms terms() { return terms; }
    public BountyStatus status() { return status; }
    public List<SubmissionSlot> slots() { return List.copyOf(slots); }
    public Optional<SubmissionId> winner() { return Optional.ofNullable(winner); }
    public Usdc deposited() { return deposited; }
    public long version() { return version; }

    /** Money still in escrow for this bounty (a cancelled bounty's deposit waits there for its refund). */
    public Usdc held() {
        return switch (status) {
            case OPEN, AWARDED, EXPIRED, CANCELLED -> deposited;
            default -> Usdc.ZERO;
        };
    }

    public Usdc released() {
        return status == BountyStatus.PAID ? deposited : Usdc.ZERO;
    }

    public Usdc refunded() {
        return status == BountyStatus.REFUNDED ? deposited : Usdc.ZERO;
    }
}
