package io.moldtank.ports.in.waiting;

import io.moldtank.domain.bounty.BountyId;
import java.util.Objects;

/** What can change a waited-for value: a bounty's committed events, or nothing that tells (re-read only). */
public sealed interface WakeUp {

    /** The bounty's events on the committed-event feed (its submissions, its payout). */
    record OnBountyEvents(BountyId bounty) implements WakeUp {
        public OnBountyEvents {
            Objects.requireNonNull(bounty, "bounty");
        }
    }

    /** No feed carries this value's changes (jobs): it is re-read periodically. */
    record ByRereading() implements WakeUp {
    }

    static WakeUp onBounty(BountyId bounty) {
        return new OnBountyEvents(bounty);
    }

    static WakeUp byRereading() {
        return new ByRereading();
    }
}
