package io.moldtank.ports.out.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.Submission;
import io.moldtank.domain.bounty.SubmissionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface LoadSubmission {
    Optional<Submission> loadSubmission(SubmissionId id);

    /** A bounty's submissions in sequence order. */
    List<Submission> submissionsOf(BountyId bountyId);

    /** A page of them: sequence numbers above {@code afterSequence}, in order, at most {@code limit}. */
    List<Submission> submissionsOf(BountyId bountyId, long afterSequence, int limit);

    /** Submissions waiting for a person's decision (DEAD_LETTERED), oldest received first. */
    List<Submission> deadLettered(int limit);

    /**
     * Submissions not yet decided (QUEUED or VALIDATING) received before {@code before}, oldest first: what
     * a crash between storing a submission and queueing it may have left without a queue item.
     */
    List<Submission> undecidedBefore(Instant before, int limit);
}
