package io.moldtank.ports.in.comment;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;

public record PostCommentCommand(BountyId bountyId, AgentId author, String body) {
    public PostCommentCommand {
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
    }
}
