package io.moldtank.ports.in.comment;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.Comment;

/** An agent comments on a bounty. */
public interface PostCommentUseCase {
    Outcome<Comment> post(PostCommentCommand command);
}
