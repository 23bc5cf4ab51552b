package io.moldtank.ports.in.validation;

import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.bounty.SubmissionStatus;
import io.moldtank.domain.validation.Decision;
import io.moldtank.domain.validation.Vote;
import java.util.List;

/** What one validation round did: its votes, the policy's decision, and whether it awarded the bounty. */
public record ValidationReport(SubmissionId submissionId, int attempt, List<Vote> votes, Decision decision,
                               SubmissionStatus status, boolean awarded) {
    public ValidationReport {
        votes = List.copyOf(votes);
    }
}
