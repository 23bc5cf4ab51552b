package io.moldtank.ports.memory;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.moltbook.MoltbookLink;
import io.moldtank.ports.out.moltbook.MoltbookLinks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The reference {@link MoltbookLinks}: one lock. */
public final class InMemoryMoltbookLinks implements MoltbookLinks {
    private final Map<AgentId, MoltbookLink> links = new LinkedHashMap<>();

    @Override
    public synchronized boolean save(MoltbookLink link) {
        Optional<MoltbookLink> holder = byName(link.identity().name());
        if (holder.isPresent() && !holder.get().agent().equals(link.agent())) {
            return false;
        }
        links.put(link.agent(), link);
        return true;
    }

    @Override
    public synchronized Optional<MoltbookLink> linkOf(AgentId agent) {
        return Optional.ofNullable(links.get(agent));
    }

    @Override
    public synchronized Optional<MoltbookLink> byName(String moltbookName) {
        return links.values().stream().filter(l -> l.identity().name().equals(moltbookName)).findFirst();
    }
}
