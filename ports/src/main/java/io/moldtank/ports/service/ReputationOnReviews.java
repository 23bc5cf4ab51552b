package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.review.Review;
import io.moldtank.ports.out.storage.ReviewStore;
import java.util.List;

/** Wraps the review store: a stored review reckons its subject's kept score again, in the same transaction. */
public final class ReputationOnReviews implements ReviewStore {
    private final ReviewStore reviews;
    private final ReckoningReputation reputation;

    public ReputationOnReviews(ReviewStore reviews, ReckoningReputation reputation) {
        this.reviews = reviews;
        this.reputation = reputation;
    }

    @Override
    public boolean addReview(Review review) {
        boolean added = reviews.addReview(review);
        if (added) {
            reputation.refresh(List.of(review.subject()), "review");
        }
        return added;
    }

    @Override
    public List<Review> reviewsOf(AgentId subject, int limit) {
        return reviews.reviewsOf(subject, limit);
    }
}
