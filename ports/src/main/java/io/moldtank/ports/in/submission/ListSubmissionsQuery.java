package io.moldtank.ports.in.submission;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import java.util.List;

/** A bounty's submissions in sequence order. */
public interface ListSubmissionsQuery {
    /** Most submissions a page holds. */
    int MAX_PAGE = 100;

    Outcome<List<SubmissionSnapshot>> submissionsOf(BountyId id);

    /** Those with sequence numbers above {@code afterSequence}, at most {@code limit} (1..{@value #MAX_PAGE}). */
    Outcome<List<SubmissionSnapshot>> submissionsOf(BountyId id, long afterSequence, int limit);
}
