package io.moldtank.domain.ledger;

import io.moldtank.domain.money.Usdc;
import java.util.Objects;

/** A transfer as the caller asks for it: move {@code amount} from {@code debit} to {@code credit}. */
public record TransferRequest(TransferId id, AccountId debit, AccountId credit, Usdc amount, TransferCode code) {
    public TransferRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(debit, "debit");
        Objects.requireNonNull(credit, "credit");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(code, "code");
    }
}
