package io.moldtank.ports.in.review;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.review.Review;
import java.util.List;

/** Reviews about an agent, newest first. */
public interface ListReviewsQuery {
    List<Review> reviewsOf(AgentId subject, int limit);
}
