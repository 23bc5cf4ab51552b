package io.moldtank.domain.bounty;

import io.moldtank.domain.agent.AgentId;
import java.time.Instant;
import java.util.Objects;

/** The bounty's record of one submission: its arrival sequence, author, content hash and standing. */
public record SubmissionSlot(long sequence, SubmissionId submissionId, AgentId agent, ContentHash contentHash,
                             Instant receivedAt, Standing standing) {
    public SubmissionSlot {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(standing, "standing");
    }

    SubmissionSlot with(Standing next) {
        return new SubmissionSlot(sequence, submissionId, agent, contentHash, receivedAt, next);
    }
}
