package io.moldtank.ports.service;

import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.LoadBounty;
import io.moldtank.ports.out.storage.SaveBounty;
import io.moldtank.ports.out.storage.Transactions;
import java.util.function.Consumer;

/** Load a bounty, apply one move, save it and publish its events — in one transaction, retried on conflicts. */
record BountyStore(Transactions tx, LoadBounty load, SaveBounty save, PublishEvents events) {

    Outcome<BountySnapshot> change(BountyId id, Consumer<Bounty> move) {
        return Retrying.inTransaction(tx, () -> load.loadBounty(id)
                .map(b -> {
                    move.accept(b);
                    store(b);
                    return Outcome.done(b.snapshot());
                })
                .orElseGet(() -> Outcome.notFound("bounty", id)));
    }

    void store(Bounty b) {
        save.saveBounty(b);
        events.publish(b.pullEvents());
    }
}
