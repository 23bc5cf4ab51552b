package io.moldtank.ports.service;

import io.moldtank.domain.bounty.*;
import io.moldtank.domain.payout.Payout;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.bounty.GetBountyQuery;
import io.moldtank.ports.in.bounty.ListBountiesQuery;
import io.moldtank.ports.in.payout.GetPayoutQuery;
import io.moldtank.ports.in.submission.GetSubmissionQuery;
import io.moldtank.ports.in.submission.ListSubmissionsQuery;
import io.moldtank.ports.out.storage.BountyQuery;
import io.moldtank.ports.out.storage.Page;
import java.util.List;

/** Read side: bounties, their submissions and payout state. */
public final class BrowsingBounties implements GetBountyQuery, ListBountiesQuery, GetSubmissionQuery,
        ListSubmissionsQuery, GetPayoutQuery {
    private final Storage storage;

    public BrowsingBounties(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Outcome<BountySnapshot> bounty(BountyId id) {
        return storage.loadBounty().loadBounty(id).map(b -> Outcome.done(b.snapshot()))
                .orElseGet(() -> Outcome.notFound("bounty", id));
    }

    @Override
    public Page<BountySnapshot> bounties(BountyQuery query) {
        return storage.findBounties().findBounties(query);
    }

    @Override
    public Outcome<SubmissionSnapshot> submission(SubmissionId id) {
        return storage.loadSubmission().loadSubmission(id).map(s -> Outcome.done(s.snapshot()))
                .orElseGet(() -> Outcome.notFound("submission", id));
    }

    @Override
    public Outcome<List<SubmissionSnapshot>> submissionsOf(BountyId id) {
        if (storage.loadBounty().loadBounty(id).isEmpty()) {
            return Outcome.notFound("bounty", id);
        }
        return Outcome.done(storage.loadSubmission().submissionsOf(id).stream().map(Submission::snapshot).toList());
    }

    @Override
    public Outcome<List<SubmissionSnapshot>> submissionsOf(BountyId id, long afterSequence, int limit) {
        if (limit < 1 || limit > MAX_PAGE || afterSequence < 0) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + " and afterSequence 0 or more");
        }
        if (storage.loadBounty().loadBounty(id).isEmpty()) {
            return Outcome.notFound("bounty", id);
        }
        return Outcome.done(storage.loadSubmission().submissionsOf(id, afterSequence, limit).stream()
                .map(Submission::snapshot).toList());
    }

    @Override
    public Outcome<Payout> payoutOf(BountyId id) {
        return storage.payouts().payoutOf(id).map(Outcome::done).orElseGet(() -> Outcome.notFound("payout of bounty", id));
    }
}
