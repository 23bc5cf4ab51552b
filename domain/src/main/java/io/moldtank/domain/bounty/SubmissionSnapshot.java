package io.moldtank.domain.bounty;

import io.moldtank.domain.agent.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A submission's full state for storage adapters; {@code version} guards concurrent saves. */
public record SubmissionSnapshot(SubmissionId id, BountyId bountyId, AgentId agent, long sequence,
                                 SubmissionContent content, Instant receivedAt, SubmissionStatus status, int attempts,
                                 List<Submission.CastVote> votes, String lastError, long version) {
    public SubmissionSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        votes = List.copyOf(votes);
    }

    public SubmissionSnapshot withVersion(long next) {
        return new SubmissionSnapshot(id, bountyId, agent, sequence, content, receivedAt, status, attempts, votes,
                lastError, next);
    }
}
