package io.moldtank.ports.service;

import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.Comment;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.comment.*;
import io.moldtank.ports.out.storage.Page;
import java.time.Clock;
import java.util.List;

/** A bounty's discussion thread. */
public final class Commenting implements PostCommentUseCase, ListCommentsQuery {
    private final Storage storage;
    private final Clock clock;
    private final IdGenerator ids;

    public Commenting(Storage storage, Clock clock, IdGenerator ids) {
        this.storage = storage;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Outcome<Comment> post(PostCommentCommand c) {
        return Retrying.inTransaction(storage.tx(), () -> {
            if (storage.loadBounty().loadBounty(c.bountyId()).isEmpty()) {
                return Outcome.notFound("bounty", c.bountyId());
            }
            ActiveAgents.require(storage.agents(), c.author());
            Comment comment = new Comment(ids.next(), c.bountyId(), c.author(), c.body(), clock.instant());
            storage.comments().appendComment(comment);
            storage.events().publish(List.of(new BountyEvent.CommentPosted(c.bountyId(), comment, clock.instant())));
            return Outcome.done(comment);
        });
    }

    @Override
    public Outcome<Page<Comment>> comments(BountyId id, String after, int limit) {
        if (storage.loadBounty().loadBounty(id).isEmpty()) {
            return Outcome.notFound("bounty", id);
        }
        return Outcome.done(storage.comments().comments(id, after, limit));
    }
}
