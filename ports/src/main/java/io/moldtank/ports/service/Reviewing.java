package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.review.Review;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.review.*;
import java.time.Clock;
import java.util.List;

/** Parties rate each other once a job has ended; one review per reviewer per job. */
public final class Reviewing implements PostReviewUseCase, ListReviewsQuery {
    enum Refusal implements Reason {
        ALREADY_REVIEWED
    }

    private final RegistryStorage storage;
    private final Clock clock;
    private final IdGenerator ids;

    public Reviewing(RegistryStorage storage, Clock clock, IdGenerator ids) {
        this.storage = storage;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Outcome<Review> post(PostReviewCommand c) {
        return Retrying.inTransaction(storage.tx(), () -> storage.jobs().loadJob(c.jobId())
                .<Outcome<Review>>map(v -> {
                    Review review = Review.of(ids.next(), v.value(), c.reviewer(), c.rating(), c.text(), clock.instant());
                    if (!storage.reviews().addReview(review)) {
                        throw new Rejection(Refusal.ALREADY_REVIEWED, "one review per reviewer per job");
                    }
                    return Outcome.done(review);
                })
                .orElseGet(() -> Outcome.notFound("job", c.jobId())));
    }

    @Override
    public List<Review> reviewsOf(AgentId subject, int limit) {
        return storage.reviews().reviewsOf(subject, limit);
    }
}
