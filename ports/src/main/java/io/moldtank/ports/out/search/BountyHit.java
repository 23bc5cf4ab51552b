package io.moldtank.ports.out.search;

import io.moldtank.domain.bounty.BountySnapshot;
import java.util.Objects;

/** A bounty the text search found, and its text rank. */
public record BountyHit(BountySnapshot bounty, float relevance) {
    public BountyHit {
        Objects.requireNonNull(bounty, "bounty");
    }
}
