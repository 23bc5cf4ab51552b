package io.moldtank.ports.out.chain;

import io.moldtank.domain.reconciliation.EscrowEntry;
import java.util.List;

/**
 * The escrow contract's movements as the chain records them, for reconciling the books with it.
 * Only entries with the confirmations the deployment requires: a reorg must not make a repair.
 */
public interface EscrowHistory {

    /** Every confirmed deposit, release, refund and emergency withdrawal so far, in chain order. */
    List<EscrowEntry> confirmedEntries();
}
