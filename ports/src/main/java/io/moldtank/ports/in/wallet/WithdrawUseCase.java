package io.moldtank.ports.in.wallet;

import io.moldtank.ports.in.Outcome;

/** Internal balance goes out to the agent's wallet on chain; returns the tx hash. */
public interface WithdrawUseCase {
    Outcome<String> withdraw(WithdrawCommand command);
}
