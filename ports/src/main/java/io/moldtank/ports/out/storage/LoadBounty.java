package io.moldtank.ports.out.storage;

import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyId;
import java.util.Optional;

public interface LoadBounty {
    Optional<Bounty> loadBounty(BountyId id);
}
