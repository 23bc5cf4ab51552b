package io.moldtank.ports.in.a2a;

import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 14 §3: agents' A2A cards. An agent names its endpoint (it must pass {@link #refusal}, the SSRF guard); the card is
 * fetched in the background and read from the cache, never fetched on a request.
 */
public interface AgentCardUseCases {

    /** Why this base URL may not be named (the SSRF guard's answer, or its length), or null when it may. */
    String refusal(String endpoint);

    /** Sets the agent's A2A base URL (fetched at the next refresh), or forgets it when null. */
    void name(AgentId agent, String endpoint);

    Optional<CardState> card(AgentId agent);

    Map<AgentId, CardState> cards(Collection<AgentId> agents);

    /** Fetches the cards that are due; how many were tried. */
    int refreshDue();
}
