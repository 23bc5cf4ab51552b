package io.moldtank.ports.out.events;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.shared.DomainEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Committed events, numbered, readable per bounty: what a live stream needs to replay from a client's
 * last-seen id and then follow. Ids grow in the order listeners receive entries.
 */
public interface EventFeed {

    /** A committed event and its feed id (positive, increasing). */
    record Entry(long id, BountyId bountyId, DomainEvent event) {
    }

    /** Entries of {@code bounty} with id greater than {@code afterId}, oldest first, at most {@code limit}. */
    List<Entry> eventsOf(BountyId bounty, long afterId, int limit);

    /**
     * Calls {@code listener} with every new entry that belongs to a bounty, in id order, on the
     * committing thread: listeners must return quickly and never block.
     */
    Subscription subscribe(Consumer<Entry> listener);

    /** Stops a subscription; idempotent. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
