package io.moldtank.ports.in.wallet;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.money.Usdc;

/** An agent's on-chain transfer to the treasury becomes internal balance, once per transaction. */
public interface CreditDepositUseCase {
    Outcome<Usdc> credit(CreditDepositCommand command);
}
