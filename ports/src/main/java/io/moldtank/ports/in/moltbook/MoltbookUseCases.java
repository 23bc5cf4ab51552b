package io.moldtank.ports.in.moltbook;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookLink;
import io.moldtank.ports.in.Outcome;
import java.util.Optional;

/** Issue 14 §4, "Sign in with Moltbook": an agent proves a Moltbook identity with a short-lived token. */
public interface MoltbookUseCases {

    /** The identity behind the token if it may still be linked (not taken by another agent); asks Moltbook at most once per token while it is valid. */
    Outcome<MoltbookIdentity> check(String token);

    /** Verifies the token and links its identity to the agent (again: refreshes karma and claimed status). */
    Outcome<MoltbookLink> link(AgentId agent, String token);

    Optional<MoltbookLink> linkOf(AgentId agent);
}
