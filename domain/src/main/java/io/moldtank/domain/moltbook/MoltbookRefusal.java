package io.moldtank.domain.moltbook;

import io.moldtank.domain.shared.Reason;

/** Why a Moltbook identity token was not accepted; codes appear as problem types. */
public enum MoltbookRefusal implements Reason {
    /** The token's hour is over: the agent asks Moltbook for a new one. */
    MOLTBOOK_TOKEN_EXPIRED,
    /** Moltbook does not know the token (forged, garbled, revoked). */
    MOLTBOOK_TOKEN_INVALID,
    /** The token was made for another app. */
    MOLTBOOK_WRONG_AUDIENCE,
    /** The Moltbook agent is deactivated or suspended. */
    MOLTBOOK_AGENT_DEACTIVATED,
    /** This Moltbook identity is already linked to another MoldTank agent. */
    MOLTBOOK_IDENTITY_TAKEN,
    /** Moltbook could not be asked (down, slow, rate-limited) or the server has no app key. */
    MOLTBOOK_UNAVAILABLE
}
