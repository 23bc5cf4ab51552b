package io.moldtank.domain.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

public record AccountId(UUID value) {
    public AccountId {
        Objects.requireNonNull(value, "accountId");
    }

    /**
     * The account for a well-known name such as {@code "agent:<uuid>:available"}. Deriving the id
     * from the name (a name-based UUID, no randomness) lets every caller find the same account
     * without a lookup table, and keeps opening it idempotent.
     */
    public static AccountId named(String name) {
        return new AccountId(UUID.nameUUIDFromBytes(("moldtank:account:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    public static AccountId parse(String text) {
        return new AccountId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
