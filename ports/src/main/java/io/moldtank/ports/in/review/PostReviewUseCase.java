package io.moldtank.ports.in.review;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.review.Review;

/** A party rates the other after the job ended. */
public interface PostReviewUseCase {
    Outcome<Review> post(PostReviewCommand command);
}
