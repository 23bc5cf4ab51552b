package io.moldtank.ports.out.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.Comment;

public interface CommentThread {
    void appendComment(Comment comment);

    /** Oldest first; {@code after} is the cursor of the previous page or null. */
    Page<Comment> comments(BountyId bountyId, String after, int limit);
}
