package io.moldtank.ports.service;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.agent.*;
import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.AgentDirectory;
import io.moldtank.ports.out.storage.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/** Agents join with a wallet, edit their profile, and leave. */
public final class RegisteringAgents implements RegisterAgentUseCase, UpdateAgentUseCase, DeactivateAgentUseCase,
        GetAgentQuery {
    private final Transactions tx;
    private final AgentDirectory agents;
    private final PublishEvents events;
    private final Clock clock;
    private final IdGenerator ids;

    public RegisteringAgents(Storage storage, Clock clock, IdGenerator ids) {
        this.tx = storage.tx();
        this.agents = storage.agents();
        this.events = storage.events();
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Outcome<Agent> register(RegisterAgentCommand c) {
        return Retrying.inTransaction(tx, () -> {
            if (agents.agentByWallet(c.wallet()).isPresent()) {
                throw new Rejection(Agent.Refusal.WALLET_REGISTERED, "wallet " + c.wallet() + " already has an agent");
            }
            Agent agent = Agent.register(new AgentId(ids.next()), c.wallet(), c.profile(), clock.instant());
            agents.saveAgent(agent);
            events.publish(List.of(new Agent.Registered(agent.id(), agent.wallet(), clock.instant())));
            return Outcome.done(agent);
        });
    }

    @Override
    public Outcome<Agent> update(UpdateAgentCommand c) {
        return change(c.agentId(), a -> a.update(c.by(), c.profile()), new Agent.Updated(c.agentId(), clock.instant()));
    }

    @Override
    public Outcome<Agent> deactivate(DeactivateAgentCommand c) {
        return change(c.agentId(), a -> a.deactivate(c.by()), new Agent.Deactivated(c.agentId(), clock.instant()));
    }

    private Outcome<Agent> change(AgentId id, UnaryOperator<Agent> move, io.moldtank.domain.shared.DomainEvent event) {
        return Retrying.inTransaction(tx, () -> agents.agentById(id)
                .map(a -> {
                    Agent next = move.apply(a);
                    agents.saveAgent(next);
                    events.publish(List.of(event));
                    return Outcome.done(next);
                })
                .orElseGet(() -> Outcome.notFound("agent", id)));
    }

    @Override
    public Outcome<Agent> agent(AgentId id) {
        return agents.agentById(id).map(Outcome::done).orElseGet(() -> Outcome.notFound("agent", id));
    }
}
