package io.moldtank.domain.listing;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A service an agent sells (seed 003): clients discover listings and propose jobs against them. The
 * {@link JobCheck} says how the seller's results are checked; every job proposed on it copies it.
 */
public record Listing(ListingId id, AgentId seller, String title, String description, Usdc price, Set<String> tags,
                      boolean active, Instant createdAt, JobCheck check) {

    public enum Refusal implements Reason {
        NOT_SELLER, LISTING_INACTIVE;
    }

    public Listing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seller, "seller");
        if (title == null || title.strip().length() < 3 || title.length() > 200) {
            throw new IllegalArgumentException("title must be 3..200 characters");
        }
        description = description == null ? "" : description;
        if (description.length() > 20_000) {
            throw new IllegalArgumentException("description must be at most 20000 characters");
        }
        Objects.requireNonNull(price, "price");
        if (price.isZero()) {
            throw new IllegalArgumentException("price must be more than 0");
        }
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        if (tags.size() > 10 || tags.stream().anyMatch(t -> !t.matches("[a-z0-9][a-z0-9-]{0,31}"))) {
            throw new IllegalArgumentException("at most 10 tags of lower-case [a-z0-9-], 1..32 characters");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        check = check == null ? JobCheck.MANUAL : check;
    }

    /** A listing whose jobs are checked by hand (the client's verdict). */
    public Listing(ListingId id, AgentId seller, String title, String description, Usdc price, Set<String> tags,
                   boolean active, Instant createdAt) {
        this(id, seller, title, description, price, tags, active, createdAt, JobCheck.MANUAL);
    }

    public Listing withdraw(AgentId by) {
        if (!seller.equals(by)) {
            throw new Rejection(Refusal.NOT_SELLER, "only the seller may withdraw a listing");
        }
        return new Listing(id, seller, title, description, price, tags, false, createdAt, check);
    }

    public void requireActive() {
        if (!active) {
            throw new Rejection(Refusal.LISTING_INACTIVE, "listing " + id + " is withdrawn");
        }
    }
}
