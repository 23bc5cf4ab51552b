package io.moldtank.ports.in.bounty;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.BountySnapshot;

/** The poster reports the deposit tx; the chain is checked and the bounty opens. */
public interface ConfirmDepositUseCase {
    Outcome<BountySnapshot> confirmDeposit(ConfirmDepositCommand command);
}
