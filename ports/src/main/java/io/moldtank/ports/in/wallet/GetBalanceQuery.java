package io.moldtank.ports.in.wallet;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;

/** An agent's available internal balance. */
public interface GetBalanceQuery {
    Outcome<Usdc> balance(AgentId agent);
}
