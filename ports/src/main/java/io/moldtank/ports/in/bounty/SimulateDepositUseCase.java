package io.moldtank.ports.in.bounty;

import io.moldtank.ports.in.Outcome;

/**
 * On a simulated chain only (the embedded default): the platform's simulated wallet does what the
 * deposit instructions ask of the poster, and hands back the transaction hash to confirm with.
 * The bounty opens only through the ordinary confirmation, as on a real chain.
 */
public interface SimulateDepositUseCase {

    /** Whether this deployment's chain is simulated; a real chain never is. */
    boolean simulatesDeposits();

    Outcome<SimulatedDeposit> simulateDeposit(RequestDepositCommand command);
}
