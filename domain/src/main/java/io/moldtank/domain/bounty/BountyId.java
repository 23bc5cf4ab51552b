package io.moldtank.domain.bounty;

import java.util.Objects;
import java.util.UUID;

public record BountyId(UUID value) {
    public BountyId {
        Objects.requireNonNull(value, "bountyId");
    }

    public static BountyId parse(String text) {
        return new BountyId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
