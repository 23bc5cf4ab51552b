package io.moldtank.domain.bounty;

import io.moldtank.domain.agent.AgentId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A message in a bounty's discussion. Plain text; rendering is the client's business. */
public record Comment(UUID id, BountyId bountyId, AgentId author, String body, Instant postedAt) {
    public static final int MAX_LENGTH = 5000;

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(postedAt, "postedAt");
        if (body == null || body.isBlank() || body.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("comment must be 1.." + MAX_LENGTH + " characters");
        }
    }
}
