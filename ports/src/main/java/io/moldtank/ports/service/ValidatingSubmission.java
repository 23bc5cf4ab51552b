package io.moldtank.ports.service;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.domain.validation.Decision;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.validation.*;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.SubmissionQueue;
import io.moldtank.ports.out.validation.ValidationRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The validation pipeline for one claimed submission: start an attempt, run the panel outside any
 * transaction, then record the round, the bounty's verdict, a possible award and its payout-outbox
 * row in one transaction.
 */
public final class ValidatingSubmission implements ValidateNextUseCase, ResolveDeadLetterUseCase,
        RequeueDeadLetterUseCase, ListDeadLettersQuery {
    private final Storage storage;
    private final BountyStore bounties;
    private final SubmissionQueue queue;
    private final ValidatorPanel panel;
    private final Clock clock;
    private final IdGenerator ids;
    private final ValidationSettings settings;
    private final WalletAddress payoutWallet;

    public ValidatingSubmission(Storage storage, SubmissionQueue queue, ValidatorPanel panel, Clock clock,
                                IdGenerator ids, ValidationSettings settings, WalletAddress payoutWallet) {
        this.storage = storage;
        this.bounties = storage.bounties();
        this.queue = queue;
        this.panel = panel;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
        this.payoutWallet = java.util.Objects.requireNonNull(payoutWallet, "payoutWallet");
    }

    @Override
    public Optional<ValidationReport> validateNext(String workerId) {
        Optional<QueueClaim> claimed = queue.claim(workerId, settings.lease());
        while (claimed.isPresent()) {
            QueueClaim claim = claimed.get();
            int attempt = storage.tx().inTransaction(() -> startAttempt(claim.item().submissionId()));
            if (attempt == 0) {
                // nothing to validate (already final or gone): hand it back and take the next in one call
                claimed = queue.ackAndClaim(claim, settings.lease()).next();
                continue;
            }
            Optional<ValidationReport> report = validate(claim, attempt);
            if (report.isPresent()) {
                return report;
            }
            claimed = queue.claim(workerId, settings.lease());
        }
        return Optional.empty();
    }

    private Optional<ValidationReport> validate(QueueClaim claim, int attempt) {
        SubmissionId id = claim.item().submissionId();
        Submission submission = storage.loadSubmission().loadSubmission(id).orElseThrow();
        Bounty bounty = storage.loadBounty().loadBounty(submission.bountyId()).orElseThrow();
        var quorum = bounty.terms().quorum();
        List<Vote> votes = panel.round(new ValidationRequest(bounty.id(), bounty.terms(), id, attempt,
                submission.content()), quorum.validators());

        Outcome<ValidationReport> recorded = Retrying.inTransaction(storage.tx(), () -> {
            Submission s = storage.loadSubmission().loadSubmission(id).orElseThrow();
            Decision decision = s.recordRound(attempt, votes, quorum, settings.maxAttempts(), clock.instant());
            boolean awarded = save(s);
            return Outcome.done(new ValidationReport(id, attempt, votes, decision, s.status(), awarded));
        });
        return switch (recorded) {
            case Outcome.Done<ValidationReport> d -> {
                if (d.value().status() == SubmissionStatus.QUEUED) {
                    queue.fail(claim, "undecided: " + d.value().decision(), settings.retryDelay());
                } else {
                    queue.ack(claim);
                }
                yield Optional.of(d.value());
            }
            // another worker took over after our lease lapsed; its claim now owns the item
            case Outcome.Refused<ValidationReport> r -> Optional.empty();
            case Outcome.NotFound<ValidationReport> n -> Optional.empty();
        };
    }

    /** Returns the attempt number, or 0 when there is nothing to validate (already final or dead-lettered). */
    private int startAttempt(SubmissionId id) {
        Optional<Submission> found = storage.loadSubmission().loadSubmission(id);
        if (found.isEmpty()) {
            return 0;
        }
        Submission s = found.get();
        if (s.status() == SubmissionStatus.VALIDATING) {
            // the previous holder's lease lapsed mid-round: that round counts as a failed attempt
            s.abandonAttempt("validation lease lapsed", settings.maxAttempts(), clock.instant());
        }
        int attempt = s.status() == SubmissionStatus.QUEUED ? s.startAttempt(clock.instant()) : 0;
        storage.saveSubmission().saveSubmission(s);
        storage.events().publish(s.pullEvents());
        return attempt;
    }

    /**
     * From storage, not from {@link SubmissionQueue#deadLetters}: the domain decides dead letters and acks
     * their queue item, so the queue's own list only holds items whose leases ran out.
     */
    @Override
    public List<SubmissionSnapshot> deadLettered(int limit) {
        return storage.loadSubmission().deadLettered(limit).stream().map(Submission::snapshot).toList();
    }

    @Override
    public Outcome<SubmissionSnapshot> resolve(ResolveDeadLetterCommand c) {
        return Retrying.inTransaction(storage.tx(), () -> storage.loadSubmission().loadSubmission(c.submissionId())
                .<Outcome<SubmissionSnapshot>>map(s -> {
                    s.resolveManually(c.passed(), c.operator(), c.note(), clock.instant());
                    save(s);
                    return Outcome.done(s.snapshot());
                })
                .orElseGet(() -> Outcome.notFound("submission", c.submissionId())));
    }

    /** Back to QUEUED in one transaction, then into the queue (idempotent; the stranded sweep covers a crash between). */
    @Override
    public Outcome<SubmissionSnapshot> requeue(RequeueDeadLetterCommand c) {
        Outcome<SubmissionSnapshot> done = Retrying.inTransaction(storage.tx(), () -> storage.loadSubmission()
                .loadSubmission(c.submissionId())
                .<Outcome<SubmissionSnapshot>>map(s -> {
                    s.requeueManually(c.operator(), clock.instant());
                    save(s);
                    return Outcome.done(s.snapshot());
                })
                .orElseGet(() -> Outcome.notFound("submission", c.submissionId())));
        if (done instanceof Outcome.Done<SubmissionSnapshot> d) {
            queue.enqueue(new io.moldtank.ports.out.queue.QueuedSubmission(d.value().bountyId(), d.value().sequence(),
                    d.value().id()));
        }
        return done;
    }

    /** Saves the submission; a final verdict goes to the bounty, and an award schedules its payout. */
    private boolean save(Submission s) {
        storage.saveSubmission().saveSubmission(s);
        storage.events().publish(s.pullEvents());
        if (!s.status().isFinal()) {
            return false;
        }
        Bounty b = storage.loadBounty().loadBounty(s.bountyId()).orElseThrow();
        Optional<BountyEvent.Awarded> awarded = b.recordVerdict(s.id(), s.status() == SubmissionStatus.PASSED,
                clock.instant());
        bounties.store(b);
        awarded.ifPresent(this::schedulePayout);
        return awarded.isPresent();
    }

    /** Direct mode releases to the winner's wallet; x402 mode to the platform's, which then pays the endpoint. */
    private void schedulePayout(BountyEvent.Awarded a) {
        Agent winner = storage.agents().agentById(a.winner()).orElseThrow();
        String endpoint = winner.profile().payoutEndpoint();
        Payout p = Payout.schedule(new PayoutId(ids.next()), a.bountyId(), a.submissionId(), winner.id(),
                endpoint == null ? winner.wallet() : payoutWallet, a.reward(), endpoint, clock.instant());
        if (!storage.payouts().addPayout(p)) {
            throw new IllegalStateException("bounty " + a.bountyId() + " already has a payout");
        }
        storage.events().publish(List.of(p.event("payout scheduled", clock.instant())));
    }
}
