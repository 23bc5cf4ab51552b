package io.moldtank.domain.bounty;

import static io.moldtank.domain.bounty.SubmissionRefusal.*;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.domain.shared.EventLog;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.domain.validation.Decision;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.domain.validation.Vote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One solution and its validation: attempts, every vote with its details, and the outcome. An
 * undecidable round is retried up to {@code maxAttempts}, then dead-lettered for a person.
 */
public final class Submission {
    private final SubmissionId id;
    private final BountyId bountyId;
    private final AgentId agent;
    private final long sequence;
    private final SubmissionContent content;
    private final ContentHash contentHash;
    private final Instant receivedAt;
    private final List<CastVote> votes;
    private final EventLog events = new EventLog();
    private SubmissionStatus status;
    private int attempts;
    private String lastError;
    private long version;

    /** A vote together with the attempt it belongs to. */
    public record CastVote(int attempt, Vote vote) {
    }

    private Submission(SubmissionSnapshot s) {
        this.id = s.id();
        this.bountyId = s.bountyId();
        this.agent = s.agent();
        this.sequence = s.sequence();
        this.content = s.content();
        this.contentHash = s.content().hash();
        this.receivedAt = s.receivedAt();
        this.votes = new ArrayList<>(s.votes());
        this.status = s.status();
        this.attempts = s.attempts();
        this.lastError = s.lastError();
        this.version = s.version();
    }

    /** Created from the slot the bounty stamped, so the sequence number is the bounty's. */
    public static Submission received(BountyId bountyId, SubmissionSlot slot, SubmissionContent content) {
        if (!slot.contentHash().equals(content.hash())) {
            throw new IllegalArgumentException("slot hash does not match the content");
        }
        return new Submission(new SubmissionSnapshot(slot.submissionId(), bountyId, slot.agent(), slot.sequence(),
                content, slot.receivedAt(), SubmissionStatus.QUEUED, 0, List.of(), null, 0));
    }

    public static Submission restore(SubmissionSnapshot s) {
        return new Submission(s);
    }

    public SubmissionSnapshot snapshot() {
        return new SubmissionSnapshot(id, bountyId, agent, sequence, content, receivedAt, status, attempts,
                List.copyOf(votes), lastError, version);
    }

    /** A worker picked the submission up; returns the attempt number. */
    public int startAttempt(Instant now) {
        if (status != SubmissionStatus.QUEUED) {
            throw new Rejection(NOT_QUEUED, "submission is " + status);
        }
        status = SubmissionStatus.VALIDATING;
        attempts++;
        events.record(new BountyEvent.ValidationStarted(bountyId, id, attempts, now));
        return attempts;
    }

    /**
     * Records one validator's vote for the current attempt and applies the policy. Returns the
     * decision; a final one moves the submission to PASSED/FAILED, an undecided one to a retry or
     * the dead-letter state.
     */
    public Decision recordVote(int attempt, Vote vote, QuorumPolicy policy, int maxAttempts, Instant now) {
        if (status != SubmissionStatus.VALIDATING) {
            throw new Rejection(NOT_VALIDATING, "submission is " + status);
        }
        if (attempt != attempts) {
            throw new Rejection(STALE_ATTEMPT, "vote for attempt " + attempt + ", current is " + attempts);
        }
        List<Vote> round = new ArrayList<>(currentRound());
        if (round.stream().anyMatch(v -> v.validator().equals(vote.validator()))) {
            throw new Rejection(ALREADY_VOTED, vote.validator() + " already voted in attempt " + attempt);
        }
        if (round.size() >= policy.validators()) {
            throw new Rejection(UNKNOWN_VALIDATOR, "the " + policy + " policy expects no more votes");
        }
        round.add(vote);
        votes.add(new CastVote(attempt, vote));
        events.record(new BountyEvent.VoteCast(bountyId, id, attempt, vote, now));
        Decision decision = policy.decide(round);
        apply(decision, maxAttempts, now);
        return decision;
    }

    /**
     * Records a whole round at once (every vote keeps its details, even those past the deciding one)
     * and applies the policy to it. A round that is still {@link Decision.Waiting} is not final.
     */
    public Decision recordRound(int attempt, List<Vote> round, QuorumPolicy policy, int maxAttempts, Instant now) {
        if (status != SubmissionStatus.VALIDATING) {
            throw new Rejection(NOT_VALIDATING, "submission is " + status);
        }
        if (attempt != attempts) {
            throw new Rejection(STALE_ATTEMPT, "round for attempt " + attempt + ", current is " + attempts);
        }
        if (!currentRound().isEmpty()) {
            throw new Rejection(ALREADY_VOTED, "attempt " + attempt + " already has votes");
        }
        Decision decision = policy.decide(round);
        for (Vote v : round) {
            votes.add(new CastVote(attempt, v));
            events.record(new BountyEvent.VoteCast(bountyId, id, attempt, v, now));
        }
        apply(decision, maxAttempts, now);
        return decision;
    }

    private void apply(Decision decision, int maxAttempts, Instant now) {
        switch (decision) {
            case Decision.Passed p -> status = SubmissionStatus.PASSED;
            case Decision.Failed f -> status = SubmissionStatus.FAILED;
            case Decision.Waiting w -> { }
            case Decision.Undecided u -> giveUpAttempt("no decision: " + u, maxAttempts, now);
        }
    }

    /** The attempt could not complete (worker crash, infrastructure error): retry or dead-letter. */
    public void abandonAttempt(String reason, int maxAttempts, Instant now) {
        if (status != SubmissionStatus.VALIDATING) {
            throw new Rejection(NOT_VALIDATING, "submission is " + status);
        }
        giveUpAttempt(reason, maxAttempts, now);
    }

    private void giveUpAttempt(String reason, int maxAttempts, Instant now) {
        lastError = reason;
        if (attempts >= maxAttempts) {
            status = SubmissionStatus.DEAD_LETTERED;
            events.record(new BountyEvent.DeadLettered(bountyId, id, attempts, reason, now));
        } else {
            status = SubmissionStatus.QUEUED;
            events.record(new BountyEvent.RetryScheduled(bountyId, id, attempts, reason, now));
        }
    }

    /** A person decides a dead-lettered submission. */
    public void resolveManually(boolean passed, String operator, String note, Instant now) {
        if (status != SubmissionStatus.DEAD_LETTERED) {
            throw new Rejection(NOT_DEAD_LETTERED, "submission is " + status);
        }
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("a manual resolution names its operator");
        }
        status = passed ? SubmissionStatus.PASSED : SubmissionStatus.FAILED;
        events.record(new BountyEvent.ManuallyResolved(bountyId, id, passed, operator, note, now));
    }

    /**
     * A person sends a dead-lettered submission back to the queue for one more round (the cause, e.g. a
     * judge's outage, is fixed); a round that fails to decide again dead-letters it again.
     */
    public void requeueManually(String operator, Instant now) {
        if (status != SubmissionStatus.DEAD_LETTERED) {
            throw new Rejection(NOT_DEAD_LETTERED, "submission is " + status);
        }
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("a manual requeue names its operator");
        }
        status = SubmissionStatus.QUEUED;
        events.record(new BountyEvent.RetryScheduled(bountyId, id, attempts, "requeued by " + operator, now));
    }

    public List<Vote> currentRound() {
        return votes.stream().filter(v -> v.attempt() == attempts).map(CastVote::vote).toList();
    }

    public List<DomainEvent> pullEvents() {
        return events.drain();
    }

    public SubmissionId id() { return id; }
    public BountyId bountyId() { return bountyId; }
    public AgentId agent() { return agent; }
    public long sequence() { return sequence; }
    public SubmissionContent content() { return content; }
    public ContentHash contentHash() { return contentHash; }
    public SubmissionStatus status() { return status; }
    public int attempts() { return attempts; }
    public List<CastVote> votes() { return List.copyOf(votes); }
    public String lastError() { return lastError; }
    public long version() { return version; }
}
