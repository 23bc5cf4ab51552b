package io.moldtank.domain.reconciliation;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;

/**
 * A change to the books that makes them say what the chain already did. None of them moves money:
 * reconciliation never pays, it only records payments and deposits that happened.
 */
public sealed interface Repair {
    BountyId bountyId();

    String txHash();

    /** A confirmed deposit whose bounty still waits for it: the bounty opens, as confirmDeposit would. */
    record OpenBounty(BountyId bountyId, String txHash, Usdc amount) implements Repair {
    }

    /** A release on chain for a payout the books have not settled (direct mode): the payout is confirmed, the bounty paid. */
    record MarkPaid(BountyId bountyId, PayoutId payoutId, String txHash) implements Repair {
    }

    /** A refund on chain that the books do not record yet: the bounty is marked refunded. */
    record MarkRefunded(BountyId bountyId, String txHash) implements Repair {
    }
}
