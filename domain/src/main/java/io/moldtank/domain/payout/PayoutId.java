package io.moldtank.domain.payout;

import java.util.Objects;
import java.util.UUID;

public record PayoutId(UUID value) {
    public PayoutId {
        Objects.requireNonNull(value, "payoutId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
