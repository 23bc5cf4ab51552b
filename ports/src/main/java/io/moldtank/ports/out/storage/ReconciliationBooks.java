package io.moldtank.ports.out.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.reconciliation.BookEntry;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The books' side of reconciliation: what storage says of each bounty's money. */
public interface ReconciliationBooks {

    /** The books of these bounties; an id with no bounty is absent from the map. */
    Map<BountyId, BookEntry> books(Collection<BountyId> ids);

    /**
     * Bounties whose books claim money on chain — a recorded deposit, or a payout counted as paid —
     * with ids after {@code after} (null: from the start), in id order, at most {@code limit}.
     */
    List<BookEntry> booksClaimingChainMoney(BountyId after, int limit);
}
