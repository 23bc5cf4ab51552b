package io.moldtank.ports.memory;

import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.payout.PayoutEvent;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.ports.out.events.EventFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Numbers the committed events of an {@link InMemoryStorage} and keeps those that belong to a bounty.
 * Create it at wiring time, before traffic: events committed earlier are taken once from
 * {@code published()}, and one committed between that read and the subscription could be missed.
 */
public final class InMemoryEventFeed implements EventFeed {
    private final List<Entry> entries = new ArrayList<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private long lastId;

    public InMemoryEventFeed(InMemoryStorage storage) {
        this(storage.published(), storage::subscribe);
    }

    /**
     * Over any storage that hands committed events to subscribers: numbers them from {@code history}
     * on. With an empty history a stream can replay only what was committed since this feed began.
     */
    public InMemoryEventFeed(List<DomainEvent> history, Consumer<Consumer<DomainEvent>> subscribe) {
        synchronized (this) {
            history.forEach(this::append);
        }
        subscribe.accept(this::onCommitted);
    }

    /** The bounty an event belongs to, or null for events of no bounty (agents, jobs). */
    public static BountyId bountyOf(DomainEvent e) {
        return switch (e) {
            case BountyEvent b -> b.bountyId();
            case PayoutEvent p -> p.bountyId();
            default -> null;
        };
    }

    private void onCommitted(DomainEvent e) {
        Entry entry;
        synchronized (this) {
            entry = append(e);
            // Delivered under the lock so every listener sees ids in increasing order.
            if (entry != null) {
                listeners.forEach(l -> l.accept(entry));
            }
        }
    }

    private Entry append(DomainEvent e) {
        BountyId bounty = bountyOf(e);
        if (bounty == null) {
            return null;
        }
        Entry entry = new Entry(++lastId, bounty, e);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<Entry> eventsOf(BountyId bounty, long afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return entries.stream().filter(en -> en.id() > afterId && en.bountyId().equals(bounty)).limit(limit).toList();
    }

    @Override
    public Subscription subscribe(Consumer<Entry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
