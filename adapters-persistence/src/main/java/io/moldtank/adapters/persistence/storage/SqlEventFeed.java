package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.ports.out.events.EventFeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code events} table as a feed. Ids are the table's identity values, so they survive restarts and a
 * client can replay from any id it saw before. Live entries come from the storage's after-commit delivery,
 * carrying the ids the inserts returned; nothing reaches a listener before its transaction has committed.
 *
 * <p>Id order: ids are handed out at insert, not at commit (see the V2 migration). Events of one bounty
 * that changed its row are ordered by that row's lock, and {@link Db} delivers them in commit order. Two
 * transactions that add events to one bounty without locking its row can still commit out of id order;
 * then the lower id, arriving second, is not delivered live (listeners never see a bounty's ids go back)
 * but stays in the table, so a replay from an earlier id returns it.
 */
final class SqlEventFeed implements EventFeed {
    private static final Logger LOG = LoggerFactory.getLogger(SqlEventFeed.class);
    private static final int TRACKED_BOUNTIES = 10_000;

    private final Db db;
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    /** Last id delivered per bounty, for the most recently active bounties. */
    private final Map<BountyId, Long> delivered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BountyId, Long> eldest) {
            return size() > TRACKED_BOUNTIES;
        }
    };

    SqlEventFeed(Db db, Consumer<Consumer<Events.Logged>> follow) {
        this.db = db;
        follow.accept(this::onCommitted);
    }

    @Override
    public List<Entry> eventsOf(BountyId bounty, long afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return db.read("read events of " + bounty, c -> Events.of(c, bounty, afterId, limit)).stream()
                .map(l -> new Entry(l.id(), bounty, l.event()))
                .toList();
    }

    @Override
    public Subscription subscribe(Consumer<Entry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void onCommitted(Events.Logged logged) {
        BountyId bounty = EventJson.bountyOf(logged.event());
        if (bounty == null) {
            return;
        }
        Entry entry = new Entry(logged.id(), bounty, logged.event());
        synchronized (delivered) { // one delivery at a time, so the check and the delivery cannot interleave
            Long last = delivered.get(bounty);
            if (last != null && last >= entry.id()) {
                LOG.warn("event {} of bounty {} committed after event {}; not delivered live, replay returns it",
                        entry.id(), bounty, last);
                return;
            }
            delivered.put(bounty, entry.id());
            for (Consumer<Entry> l : listeners) {
                try {
                    l.accept(entry);
                } catch (RuntimeException failure) { // one broken stream must not starve the others
                    LOG.error("event feed listener failed on event {}", entry.id(), failure);
                }
            }
        }
    }
}
