package io.moldtank.ports.in.wallet;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;

public record WithdrawCommand(AgentId agent, Usdc amount) {
    public WithdrawCommand {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(amount, "amount");
    }
}
