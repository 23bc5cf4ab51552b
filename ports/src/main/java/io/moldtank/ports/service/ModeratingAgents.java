package io.moldtank.ports.service;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.agent.FindAgentQuery;
import io.moldtank.ports.in.agent.ModerateAgentUseCase;
import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.AgentDirectory;
import io.moldtank.ports.out.storage.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The operator's side of agents: find one, deactivate it, reactivate it. */
public final class ModeratingAgents implements ModerateAgentUseCase, FindAgentQuery {
    private static final Pattern WALLET = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F-]{36}");

    private final Transactions tx;
    private final AgentDirectory agents;
    private final PublishEvents events;
    private final Clock clock;

    public ModeratingAgents(Storage storage, Clock clock) {
        this.tx = storage.tx();
        this.agents = storage.agents();
        this.events = storage.events();
        this.clock = clock;
    }

    @Override
    public Optional<Agent> find(String idOrWallet) {
        String text = idOrWallet == null ? "" : idOrWallet.strip();
        if (WALLET.matcher(text).matches()) {
            return agents.agentByWallet(new WalletAddress(text));
        }
        if (UUID_TEXT.matcher(text).matches()) {
            try {
                return agents.agentById(new AgentId(UUID.fromString(text)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public Outcome<Agent> moderate(ModerateAgentCommand c) {
        return Retrying.inTransaction(tx, () -> agents.agentById(c.agentId())
                .<Outcome<Agent>>map(a -> {
                    Agent next = switch (c.move()) {
                        case DEACTIVATE -> a.deactivateByOperator();
                        case REACTIVATE -> a.reactivateByOperator();
                    };
                    agents.saveAgent(next);
                    events.publish(List.of(c.move() == Move.DEACTIVATE
                            ? new Agent.Deactivated(a.id(), clock.instant())
                            : new Agent.Reactivated(a.id(), clock.instant())));
                    return Outcome.done(next);
                })
                .orElseGet(() -> Outcome.notFound("agent", c.agentId())));
    }
}
