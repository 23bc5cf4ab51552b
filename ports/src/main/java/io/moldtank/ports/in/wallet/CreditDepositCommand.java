package io.moldtank.ports.in.wallet;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;

public record CreditDepositCommand(AgentId agent, String txHash) {
    public CreditDepositCommand {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(txHash, "txHash");
    }
}
