package io.moldtank.ports.in.comment;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.Comment;
import io.moldtank.ports.out.storage.Page;

/** A bounty's discussion, oldest first. */
public interface ListCommentsQuery {
    Outcome<Page<Comment>> comments(BountyId id, String after, int limit);
}
