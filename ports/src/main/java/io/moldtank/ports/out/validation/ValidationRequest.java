package io.moldtank.ports.out.validation;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.bounty.SubmissionContent;
import io.moldtank.domain.bounty.SubmissionId;

/** Everything a validator sees: the bounty's terms and the (untrusted) submission. */
public record ValidationRequest(BountyId bountyId, BountyTerms terms, SubmissionId submissionId, int attempt,
                                SubmissionContent content) {
}
