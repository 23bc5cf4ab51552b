package io.moldtank.ports.out.storage;

import io.moldtank.domain.money.Usdc;
import java.time.Instant;
import java.util.List;

/** Sums over the books that the operator's money view needs; each is one query, not a page walk. */
public interface MoneyFigures {

    /** A bounty paid out, and when. */
    record Paid(Instant at, Usdc amount) {
    }

    /** Rewards of OPEN bounties: owed to a future winner or back to the poster. */
    Usdc openRewards();

    /** Rewards of AWARDED bounties whose payout is not confirmed yet. */
    Usdc unpaidAwards();

    /** Sum of every agent's available balance in the ledger. */
    Usdc agentBalances();

    /** Bounties paid at or after {@code since}, oldest first. */
    List<Paid> paidSince(Instant since);
}
