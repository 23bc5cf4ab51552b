package io.moldtank.domain.reputation;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's reputation as {@link Reckoning} counted it: only work whose money moved (a job's escrow
 * released or refunded in the ledger, a bounty's payout confirmed on chain), never work between two
 * agents of one party. {@code items} are the counted pieces with their payment proofs, oldest first;
 * {@code excluded} says how many facts were left out, and why.
 */
public record Reputation(AgentId agent, int jobsSold, int jobsFailed, int jobsBought, int refundsReceived,
                         int checkedJobs, int checkedPassed, Usdc earned, Usdc spent, int bountiesWon, int bountiesPaid, int ratings, long ratingSum,
                         Optional<Instant> firstActivity,
                         Optional<Instant> lastActivity, int score, Map<Exclusion, Integer> excluded,
                         List<CountedItem> items) {

    /** Why a fact was not counted. */
    public enum Exclusion {
        /** Both sides are run by the same party (same agent, signing key or Moltbook owner). */
        SAME_PARTY,
        /** The job ended without its release or refund in the ledger, or the payout is not confirmed. */
        NO_MONEY_MOVED,
        /** A review of a job that is not counted, or not by that job's other party. */
        REVIEW_NOT_COUNTED
    }

    public Reputation {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(earned, "earned");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(firstActivity, "firstActivity");
        Objects.requireNonNull(lastActivity, "lastActivity");
        excluded = Map.copyOf(excluded);
        items = List.copyOf(items);
        if (jobsSold < 0 || jobsFailed < 0 || jobsBought < 0 || refundsReceived < 0 || ratings < 0
                || checkedPassed < 0 || checkedPassed > checkedJobs) {
            throw new IllegalArgumentException("counts cannot be negative, nor more checked jobs pass than were checked");
        }
        if (score < 0 || score > ReputationScore.MAX) {
            throw new IllegalArgumentException("score must be 0.." + ReputationScore.MAX);
        }
    }

    /**
     * Checked jobs sold that passed (were released) over all checked jobs sold, four decimals (half-even);
     * empty before any. Which jobs are "checked" is decided in one place, {@link Reckoning#checked}.
     */
    public Optional<BigDecimal> successRate() {
        return checkedJobs == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(checkedPassed).divide(BigDecimal.valueOf(checkedJobs), 4, RoundingMode.HALF_EVEN));
    }

    /** The plain mean of counted ratings, two decimals (half-even); empty before any counted review. */
    public Optional<BigDecimal> averageRating() {
        return ratings == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_EVEN));
    }
}
