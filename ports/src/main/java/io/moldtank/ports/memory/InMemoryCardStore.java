package io.moldtank.ports.memory;

import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.out.a2a.CardStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The reference {@link CardStore}. */
public final class InMemoryCardStore implements CardStore {
    private final Map<AgentId, CardState> states = new ConcurrentHashMap<>();

    @Override
    public void save(CardState state) {
        states.put(state.agent(), state);
    }

    @Override
    public Optional<CardState> card(AgentId agent) {
        return Optional.ofNullable(states.get(agent));
    }

    @Override
    public Map<AgentId, CardState> cards(Collection<AgentId> agents) {
        Map<AgentId, CardState> out = new HashMap<>();
        agents.forEach(a -> card(a).ifPresent(s -> out.put(a, s)));
        return out;
    }

    @Override
    public List<CardState> due(Instant now, int limit) {
        return states.values().stream().filter(s -> !s.nextFetchAt().isAfter(now))
                .sorted(Comparator.comparing(CardState::nextFetchAt).thenComparing(s -> s.agent().value()))
                .limit(limit).toList();
    }

    @Override
    public boolean remove(AgentId agent) {
        return states.remove(agent) != null;
    }
}
