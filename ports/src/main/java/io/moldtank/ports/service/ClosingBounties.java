package io.moldtank.ports.service;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.bounty.*;
import io.moldtank.ports.out.storage.FindBounties;
import java.time.Clock;

/** Deadlines: open bounties without a winner expire; the poster reclaims the deposit after deadline + 24 h. */
public final class ClosingBounties implements ExpireBountiesUseCase, RefundBountyUseCase {
    private final BountyStore bounties;
    private final FindBounties find;
    private final Clock clock;

    public ClosingBounties(Storage storage, Clock clock) {
        this.bounties = storage.bounties();
        this.find = storage.findBounties();
        this.clock = clock;
    }

    /** Bounties still waiting for verdicts are skipped (refused) and picked up by a later sweep. */
    @Override
    public int expireDue(int limit) {
        int expired = 0;
        for (BountyId id : find.openPastDeadline(clock.instant(), limit)) {
            if (bounties.change(id, b -> b.expire(clock.instant())) instanceof Outcome.Done<?>) {
                expired++;
            }
        }
        return expired;
    }

    @Override
    public Outcome<BountySnapshot> refund(RefundBountyCommand c) {
        return bounties.change(c.bountyId(), b -> b.refund(c.by(), clock.instant()));
    }
}
