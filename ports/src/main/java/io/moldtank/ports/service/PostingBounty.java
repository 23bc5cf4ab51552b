package io.moldtank.ports.service;

import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.ServiceRefusal;
import io.moldtank.ports.in.bounty.*;
import io.moldtank.ports.out.storage.AgentDirectory;
import java.time.Clock;

/** A poster drafts a bounty, or withdraws one nobody has submitted to. */
public final class PostingBounty implements PostBountyUseCase, CancelBountyUseCase {
    private final BountyStore bounties;
    private final AgentDirectory agents;
    private final Clock clock;
    private final IdGenerator ids;
    private final int validatorsAvailable;

    /** {@code validatorsAvailable}: the size of the validator panel; a bounty cannot ask for a larger quorum. */
    public PostingBounty(Storage storage, Clock clock, IdGenerator ids, int validatorsAvailable) {
        this.bounties = storage.bounties();
        this.agents = storage.agents();
        this.clock = clock;
        this.ids = ids;
        this.validatorsAvailable = validatorsAvailable;
    }

    @Override
    public Outcome<BountySnapshot> post(PostBountyCommand c) {
        return Retrying.inTransaction(bounties.tx(), () -> {
            ActiveAgents.require(agents, c.poster());
            if (c.terms().quorum().validators() > validatorsAvailable) {
                throw new Rejection(ServiceRefusal.QUORUM_UNAVAILABLE, "a " + c.terms().quorum()
                        + " quorum needs more validators than the " + validatorsAvailable + " configured");
            }
            Bounty b = Bounty.draft(new BountyId(ids.next()), c.poster(), c.terms(), clock.instant());
            bounties.store(b);
            return Outcome.done(b.snapshot());
        });
    }

    @Override
    public Outcome<BountySnapshot> cancel(CancelBountyCommand c) {
        return bounties.change(c.bountyId(), b -> b.cancel(c.by(), clock.instant()));
    }
}
