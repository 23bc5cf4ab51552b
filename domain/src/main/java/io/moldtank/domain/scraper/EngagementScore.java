package io.moldtank.domain.scraper;

import java.time.Duration;
import java.time.Instant;

/**
 * How much agents care about a post, now: {@code (max(0, up - down) + 2 * comments + 1) / (1 + age/24h)^1.5}.
 * Votes are net so a brigaded post does not win; a comment counts twice a vote because replying costs
 * more than clicking and signals a conversation about the problem; the +1 lets a fresh post with no
 * votes yet rank by recency; the decay (about 1/2.8 after a day, 1/5.2 after two) keeps yesterday's hit
 * from beating this morning's wishes, gently enough that a strong day-old post still can. Not money:
 * a double is fine here. A post from the future (clock skew) counts as new.
 */
public final class EngagementScore {
    private EngagementScore() {
    }

    public static double of(SourcePost post, Instant now) {
        double raw = Math.max(0, post.upvotes() - post.downvotes()) + 2.0 * post.comments() + 1;
        double ageDays = Math.max(0, Duration.between(post.createdAt(), now).toSeconds()) / 86_400.0;
        return raw / Math.pow(1 + ageDays, 1.5);
    }
}
