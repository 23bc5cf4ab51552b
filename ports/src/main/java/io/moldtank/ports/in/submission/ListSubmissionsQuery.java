package io.moldtank.ports.in.submission;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import java.util.List;

/** A bounty's submissions in sequence order. */
public interface ListSubmissionsQuery {
    Outcome<List<SubmissionSnapshot>> submissionsOf(BountyId id);
}
