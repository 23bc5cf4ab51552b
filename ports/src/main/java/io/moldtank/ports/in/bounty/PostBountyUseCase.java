package io.moldtank.ports.in.bounty;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.BountySnapshot;

/** A poster drafts a bounty; it opens once its deposit is confirmed. */
public interface PostBountyUseCase {
    Outcome<BountySnapshot> post(PostBountyCommand command);
}
