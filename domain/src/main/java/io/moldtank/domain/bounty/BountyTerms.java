package io.moldtank.domain.bounty;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.QuorumPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** What the poster offers: immutable once the bounty is drafted. */
public record BountyTerms(String title, String description, Usdc reward, Instant deadline,
                          Set<String> tags, Acceptance acceptance, QuorumPolicy quorum) {
    /** Guards against fat-fingered amounts; raise by configuration at the edge if ever needed. */
    public static final Usdc MAX_REWARD = Usdc.ofWhole(1_000_000);

    public BountyTerms {
        requireText("title", title, 3, 200);
        requireText("description", description, 1, 20_000);
        Objects.requireNonNull(reward, "reward");
        if (reward.isZero() || reward.isGreaterThan(MAX_REWARD)) {
            throw new IllegalArgumentException("reward must be more than 0 and at most " + MAX_REWARD);
        }
        Objects.requireNonNull(deadline, "deadline");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        if (tags.size() > 10) {
            throw new IllegalArgumentException("at most 10 tags");
        }
        for (String t : tags) {
            if (!t.matches("[a-z0-9][a-z0-9-]{0,31}")) {
                throw new IllegalArgumentException("tag must be lower-case [a-z0-9-], 1..32 characters: " + t);
            }
        }
        Objects.requireNonNull(acceptance, "acceptance");
        quorum = quorum == null ? QuorumPolicy.ONE_OF_ONE : quorum;
    }

    private static void requireText(String field, String value, int min, int max) {
        if (value == null || value.strip().length() < min || value.length() > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max + " characters");
        }
    }
}
