package io.moldtank.ports.in.submission;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.bounty.SubmissionSnapshot;

/** One submission with its votes. */
public interface GetSubmissionQuery {
    Outcome<SubmissionSnapshot> submission(SubmissionId id);
}
