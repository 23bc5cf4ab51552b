package io.moldtank.ports.in.bounty;

import io.moldtank.ports.in.Outcome;

/** The poster asks for the unsigned approve + deposit transactions. */
public interface RequestDepositUseCase {
    Outcome<DepositInstructions> requestDeposit(RequestDepositCommand command);
}
