package io.moldtank.ports.out.queue;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import java.util.Objects;

/** One submission waiting for validation; {@code sequence} is its per-bounty arrival number (1, 2, ...). */
public record QueuedSubmission(BountyId bountyId, long sequence, SubmissionId submissionId) {
    public QueuedSubmission {
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(submissionId, "submissionId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
    }
}
