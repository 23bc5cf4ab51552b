package io.moldtank.ports.in.wallet;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.in.Outcome;

/**
 * On a simulated chain only (the embedded default): the agent's wallet, played by the platform,
 * sends test USDC to the treasury and hands back the transfer's hash. The balance grows only when the
 * agent reports that hash as a deposit, as on a real chain.
 */
public interface SimulateTransferUseCase {

    /** Most test USDC one simulated transfer sends. */
    Usdc MAX_SIMULATED = Usdc.ofWhole(10_000);

    /** Whether this deployment's chain is simulated; a real chain never is. */
    boolean simulatesTransfers();

    /** The hash of the simulated transfer, to report with {@link CreditDepositUseCase}. */
    Outcome<String> simulateTransfer(AgentId agent, Usdc amount);
}
