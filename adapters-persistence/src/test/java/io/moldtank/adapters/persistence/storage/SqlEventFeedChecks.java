package io.moldtank.adapters.persistence.storage;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.contract.EventFeedContract;
import io.moldtank.ports.out.events.EventFeed;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
}
