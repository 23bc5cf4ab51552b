package io.moldtank.adapters.persistence;

import io.moldtank.adapters.persistence.storage.SqlStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one process's event feed up to date with what other processes commit to the same PostgreSQL
 * database, so a live stream served here also carries events of bounties handled elsewhere. A pass
 * runs when another process's NOTIFY arrives (sent after its commit, coalesced) and at least every
 * two seconds, which also looks again for events that committed out of id order.
 */
final class EventFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventFollower.class);
    private static final long POLL_NANOS = Wakeups.millisToNanos(2000);

    private final SqlStorage.FollowingFeed feed;
    private final PgNotifications channel;
    private final Thread thread;
    private volatile boolean running = true;

    EventFollower(SqlStorage.FollowingFeed feed, PgNotifications channel) {
        this.feed = feed;
        this.channel = channel;
        this.thread = Thread.ofPlatform().daemon().name("moldtank-event-follower").start(this::follow);
    }

    private void follow() {
        while (running) {
            long seen = channel.generation();
            try {
                int delivered = feed.catchUp();
                if (delivered > 0) {
                    LOG.debug("delivered {} events committed by other processes", delivered);
                }
            } catch (RuntimeException e) { // the database is away: the next pass reads from the same place
                if (running) {
                    LOG.warn("following events of other processes failed ({}); retrying", e.getMessage());
                }
            }
            try {
                channel.awaitChange(seen, POLL_NANOS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
