package io.moldtank.domain.scraper;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A bounty proposed from a post: PENDING until an operator approves it (a DRAFT bounty is made) or
 * rejects it, or POSTED by the auto mode. Linked to its source post and its score at the time.
 */
public record ScrapedDraft(UUID id, String sourcePostId, Fingerprint fingerprint, String title, String description,
                           Usdc reward, Set<String> tags, String sourceUrl, double score, Status status,
                           BountyId bountyId, Instant createdAt, String decidedBy, Instant decidedAt, String note) {

    public enum Status { PENDING, APPROVED, REJECTED, POSTED }

    public enum Refusal implements Reason { DRAFT_DECIDED }

    public ScrapedDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourcePostId, "sourcePostId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        tags = Set.copyOf(tags);
    }

    public static ScrapedDraft propose(UUID id, Candidate c, RewardBands bands, String link, Instant now) {
        return new ScrapedDraft(id, c.post().id(), c.fingerprint(), DraftTemplate.title(c.post()),
                DraftTemplate.description(c, link, now), bands.rewardFor(c.score()), DraftTemplate.tags(c.post()), link,
                c.score(), Status.PENDING, null, now, null, null, null);
    }

    /** The operator's decision, or the auto mode's posting; a decided draft stays decided. */
    public ScrapedDraft decided(Status to, BountyId bounty, String by, String note, Instant at) {
        if (status != Status.PENDING) {
            throw new Rejection(Refusal.DRAFT_DECIDED, "the draft is already " + status);
        }
        if (to == Status.PENDING) {
            throw new IllegalArgumentException("a decision moves a draft out of PENDING");
        }
        return new ScrapedDraft(id, sourcePostId, fingerprint, title, description, reward, tags, sourceUrl, score, to,
                bounty, createdAt, by, at, note);
    }
}
