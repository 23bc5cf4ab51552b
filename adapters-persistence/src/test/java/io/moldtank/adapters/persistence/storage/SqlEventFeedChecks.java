package io.moldtank.adapters.persistence.storage;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static io.moldtank.ports.contract.StorageFixtures.agent;
import static io.moldtank.ports.contract.StorageFixtures.openBounty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.contract.EventFeedContract;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.out.storage.StaleWrite;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The event feed contract on the {@code events} table, and what only a database-numbered feed can do:
 * a new feed over the same database (a restarted process) replays earlier events with their old ids.
 */
interface SqlEventFeedChecks extends EventFeedContract {

    MigratedDatabase database();

    @Override
    default FeedSystem feedSystem() {
        database().wipe();
        SqlStorage storage = SqlStorage.on(database().dataSource());
        return new FeedSystem(storage, storage, storage.eventFeed());
    }

    @Test
    default void a_new_feed_over_the_same_database_replays_earlier_events_with_the_same_ids() {
        FeedSystem before = feedSystem();
        BountyId a = new BountyId(UUID.randomUUID());
        before.commit(new BountyEvent.Opened(a, Usdc.parse("5"), "0xd", T0), new BountyEvent.Expired(a, T0));
        List<EventFeed.Entry> earlier = before.feed().eventsOf(a, 0, 10);

        SqlStorage restarted = SqlStorage.on(database().dataSource());
        EventFeed feed = restarted.eventFeed();
        assertThat(feed.eventsOf(a, 0, 10)).hasSize(2).isEqualTo(earlier);

        List<EventFeed.Entry> seen = new ArrayList<>();
        feed.subscribe(seen::add);
        restarted.publish(List.of(new BountyEvent.Refunded(a, Usdc.parse("5"), T0)));
        assertThat(seen).singleElement().satisfies(e -> assertThat(e.id()).isGreaterThan(earlier.get(1).id()));
        assertThat(feed.eventsOf(a, earlier.get(1).id(), 10)).isEqualTo(seen);
    }

    @Test
    default void a_stored_row_of_an_unknown_type_is_a_typed_error_on_replay() throws SQLException {
        FeedSystem s = feedSystem();
        BountyId a = new BountyId(UUID.randomUUID());
        try (Connection c = database().dataSource().getConnection(); var ps = c.prepareStatement(
                "INSERT INTO events (bounty_id, type, payload, occurred_at) VALUES (?, 'bounty.renamed', '{}', ?)")) {
            ps.setObject(1, a.value());
            ps.setObject(2, java.time.OffsetDateTime.parse("2026-11-24T12:00:00Z"));
            ps.executeUpdate();
        }
        assertThatThrownBy(() -> s.feed().eventsOf(a, 0, 10)).isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("bounty.renamed");
    }
    /**
     * Writers of one bounty are serialised by its row (a stale save rolls back); their events must reach
     * a listener all of them, in id order, although each commit delivers on its own thread.
     */
    @Test
    default void concurrent_writers_of_one_bounty_deliver_every_event_in_id_order() throws Exception {
        FeedSystem system = feedSystem();
        SqlStorage s = (SqlStorage) system.tx();
        Agent poster = agent(1);
        s.saveAgent(poster);
        Bounty b = openBounty(poster.id(), 10, T0, "go");
        s.saveBounty(b);
        List<EventFeed.Entry> seen = new CopyOnWriteArrayList<>();
        system.feed().subscribe(seen::add);
        Callable<Integer> writer = () -> {
            int committed = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    s.inTransaction(() -> {
                        s.saveBounty(s.loadBounty(b.id()).orElseThrow());
                        s.publish(List.of(new BountyEvent.Expired(b.id(), T0), new BountyEvent.Expired(b.id(), T0)));
                        return null;
                    });
                    committed++;
                } catch (StaleWrite lost) {
                    // another writer saved first: this transaction rolled back, so it must deliver nothing
                }
            }
            return committed;
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int committed = 0;
        try {
            for (Future<Integer> f : pool.invokeAll(List.of(writer, writer, writer, writer), 60, TimeUnit.SECONDS)) {
                committed += f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(committed).isPositive();
        assertThat(seen).hasSize(2 * committed).extracting(EventFeed.Entry::id).isSorted().doesNotHaveDuplicates();
        assertThat(seen).isEqualTo(system.feed().eventsOf(b.id(), 0, 1000));
    }
}
