package io.moldtank.domain.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** The caller's idempotency key for one transfer: sending the same id twice moves money once. */
public record TransferId(UUID value) {
    public TransferId {
        Objects.requireNonNull(value, "transferId");
    }

    /**
     * A transfer id that follows from what the transfer is for (e.g. {@code "job:<id>:release"}),
     * so a retried step produces the same id and the ledger answers "already recorded".
     */
    public static TransferId named(String purpose) {
        return new TransferId(UUID.nameUUIDFromBytes(("moldtank:transfer:" + purpose).getBytes(StandardCharsets.UTF_8)));
    }

    public static TransferId parse(String text) {
        return new TransferId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
