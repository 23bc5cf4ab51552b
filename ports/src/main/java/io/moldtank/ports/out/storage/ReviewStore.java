package io.moldtank.ports.out.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.review.Review;
import java.util.List;

public interface ReviewStore {
    /** False (nothing stored) when this reviewer already reviewed this job. */
    boolean addReview(Review review);

    /** Reviews about {@code subject}, newest first. */
    List<Review> reviewsOf(AgentId subject, int limit);
}
