package io.moldtank.ports.out.storage;

import io.moldtank.domain.bounty.Bounty;

public interface SaveBounty {
    /** Inserts a new bounty or updates one whose stored version equals {@code bounty.version()}; else {@link StaleWrite}. */
    void saveBounty(Bounty bounty);
}
