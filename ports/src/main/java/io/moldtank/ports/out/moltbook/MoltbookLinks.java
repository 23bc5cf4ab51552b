package io.moldtank.ports.out.moltbook;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.moltbook.MoltbookLink;
import java.util.Optional;

/** Agents' verified Moltbook identities: one per agent, and a Moltbook name belongs to one agent at most. */
public interface MoltbookLinks {

    /** Inserts or replaces the agent's link; false (nothing stored) when the name is linked to another agent. */
    boolean save(MoltbookLink link);

    Optional<MoltbookLink> linkOf(AgentId agent);

    Optional<MoltbookLink> byName(String moltbookName);
}
