package io.moldtank.ports.service;

import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.*;

/**
 * The storage ports a wiring hands to the services. Usually one adapter implements them all, but each
 * stays a separate, single-purpose port.
 */
public record Storage(Transactions tx, LoadBounty loadBounty, SaveBounty saveBounty, FindBounties findBounties,
                      LoadSubmission loadSubmission, SaveSubmission saveSubmission, AgentDirectory agents,
                      CommentThread comments, PayoutOutbox payouts, PublishEvents events) {

    /** One object that implements every storage port. */
    public static <S extends Transactions & LoadBounty & SaveBounty & FindBounties & LoadSubmission & SaveSubmission
            & AgentDirectory & CommentThread & PayoutOutbox & PublishEvents> Storage of(S all) {
        return new Storage(all, all, all, all, all, all, all, all, all, all);
    }

    BountyStore bounties() {
        return new BountyStore(tx, loadBounty, saveBounty, events);
    }
}
