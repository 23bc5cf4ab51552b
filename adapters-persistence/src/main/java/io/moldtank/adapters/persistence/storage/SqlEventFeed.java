package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.ports.out.events.EventFeed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 *
 * <p>Other processes on the same database: {@link #catchUp()} reads what they committed since the last
 * pass and delivers it like a local commit (entries this process delivered already are skipped). Because
 * ids are handed out at insert, a pass that sees id 8 but not 7 keeps 7 as a hole and looks for it again
 * on later passes for {@link #HOLE_WAIT}: an event of another bounty whose transaction committed later
 * still reaches listeners. A hole older than that (a rolled-back insert, or a transaction slower than
 * that) is given up; replay still returns such an event.
 */
final class SqlEventFeed implements EventFeed, SqlStorage.FollowingFeed {
    private static final Logger LOG = LoggerFactory.getLogger(SqlEventFeed.class);
    private static final int TRACKED_BOUNTIES = 10_000;
    static final java.time.Duration HOLE_WAIT = java.time.Duration.ofSeconds(10);
    private static final int PAGE = 500;
    private static final int MAX_HOLES = 1_000;
    private static final int START_WINDOW = 100;

    private final Db db;
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    /** Last id delivered per bounty, for the most recently active bounties. */
    private final Map<BountyId, Long> delivered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BountyId, Long> eldest) {
            return size() > TRACKED_BOUNTIES;
        }
    };

    private final Runnable committedHere;
    /** Highest id a catch-up pass has read, and ids below it not seen yet, each with when to give it up. */
    private long cursor;
    private final TreeMap<Long, Long> holes = new TreeMap<>();

    SqlEventFeed(Db db, Consumer<Consumer<Events.Logged>> follow, Runnable committedHere) {
        this.db = db;
        this.committedHere = committedHere;
        this.cursor = db.read("read the last event id", Events::lastId);
        // ids just below the start that are not there yet may belong to transactions still open: look for them too
        long from = Math.max(0, cursor - START_WINDOW);
        java.util.Set<Long> present = new java.util.HashSet<>(db.read("read recent event ids", c -> Events.idsAfter(c, from)));
        long giveUpAt = System.nanoTime() + HOLE_WAIT.toNanos();
        for (long id = from + 1; id < cursor; id++) {
            if (!present.contains(id)) {
                holes.put(id, giveUpAt);
            }
        }
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
        deliver(new Entry(logged.id(), bounty, logged.event()), true);
        committedHere.run();
    }

    /**
     * One pass over what was committed since the last: ids still missing below the cursor, then new
     * ids page by page. Each page is delivered before the cursor moves past it, so a read that fails
     * part-way loses nothing: the next pass starts after the last page delivered. Called by one thread
     * at a time (the follower); returns how many entries it delivered.
     */
    @Override
    public synchronized int catchUp() {
        long now = System.nanoTime();
        holes.values().removeIf(giveUpAt -> giveUpAt - now < 0);
        int count = 0;
        if (!holes.isEmpty()) {
            List<Events.Row> late = db.read("read late events", c -> Events.withIds(c, List.copyOf(holes.keySet())));
            count += deliver(late);
        }
        List<Events.Row> page;
        do {
            long from = cursor;
            page = db.read("read new events", c -> Events.after(c, from, PAGE));
            count += deliver(page);
            for (Events.Row row : page) {
                for (long missing = Math.max(cursor + 1, row.id() - MAX_HOLES); missing < row.id(); missing++) {
                    holes.put(missing, now + HOLE_WAIT.toNanos());
                }
                cursor = row.id();
            }
            while (holes.size() > MAX_HOLES) { // the oldest go first: the least likely to commit still
                holes.pollFirstEntry();
            }
        } while (page.size() == PAGE);
        return count;
    }

    private int deliver(List<Events.Row> rows) {
        int count = 0;
        for (Events.Row row : rows) {
            holes.remove(row.id());
            if (row.event() != null && deliver(new Entry(row.id(), row.bountyId(), row.event()), false)) {
                count++;
            }
        }
        return count;
    }

    /** Delivers unless this bounty already had this id or a later one; a local commit out of id order is logged. */
    private boolean deliver(Entry entry, boolean committedHere) {
        BountyId bounty = entry.bountyId();
        synchronized (delivered) { // one delivery at a time, so the check and the delivery cannot interleave
            Long last = delivered.get(bounty);
            if (last != null && last >= entry.id()) {
                // equal: the follower read this node's own row before its after-commit delivery ran
                if (committedHere && last > entry.id()) {
                    LOG.warn("event {} of bounty {} committed after event {}; not delivered live, replay returns it",
                            entry.id(), bounty, last);
                }
                return false;
            }
            delivered.put(bounty, entry.id());
            for (Consumer<Entry> l : listeners) {
                try {
                    l.accept(entry);
                } catch (RuntimeException failure) { // one broken stream must not starve the others
                    LOG.error("event feed listener failed on event {}", entry.id(), failure);
                }
            }
            return true;
        }
    }
}
