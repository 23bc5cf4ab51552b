package io.moldtank.ports.out.validation;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.bounty.SubmissionContent;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.validation.Vote;
import java.util.List;

/**
 * Everything a validator sees: the bounty's terms, the (untrusted) submission, and for a second
 * opinion the votes the panel's other validators cast this round.
 */
public record ValidationRequest(BountyId bountyId, BountyTerms terms, SubmissionId submissionId, int attempt,
                                SubmissionContent content, List<Vote> evidence) {
    public ValidationRequest {
        evidence = List.copyOf(evidence);
    }

    public ValidationRequest(BountyId bountyId, BountyTerms terms, SubmissionId submissionId, int attempt,
                             SubmissionContent content) {
        this(bountyId, terms, submissionId, attempt, content, List.of());
    }

    public ValidationRequest withEvidence(List<Vote> votes) {
        return new ValidationRequest(bountyId, terms, submissionId, attempt, content, votes);
    }
}
