package io.moldtank.adapters.persistence;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.events.EventFeed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two processes on one PostgreSQL schema (two stores here, each with its own pool, LISTEN connection
 * and follower): a live feed of one delivers what the other commits, once and in order per bounty.
 */
class PostgresEventFollowingTest {

    private String schema;
    private PersistenceAdapters.SqlStore here;
    private PersistenceAdapters.SqlStore there;

    @BeforeEach
    void twoProcesses() {
        schema = TestServers.uniqueName(PostgresEventFollowingTest.class);
        here = TestServers.postgres(schema);
        there = PersistenceAdapters.sql(TestServers.postgresSettings(schema));
    }

    @AfterEach
    void close() {
        there.close();
    }

    @Test
    void events_committed_by_another_process_reach_live_listeners_once_in_order() {
        List<EventFeed.Entry> seenHere = new CopyOnWriteArrayList<>();
        List<EventFeed.Entry> seenThere = new CopyOnWriteArrayList<>();
        here.eventFeed().subscribe(seenHere::add);
        there.eventFeed().subscribe(seenThere::add);
        BountyId a = new BountyId(UUID.randomUUID());
        BountyId b = new BountyId(UUID.randomUUID());

        here.storage().publish(List.of(new BountyEvent.Opened(a, Usdc.parse("5"), "0xd", T0),
                new BountyEvent.Expired(a, T0)));
        here.storage().publish(List.of(new BountyEvent.Opened(b, Usdc.parse("7"), "0xe", T0)));
        here.storage().publish(List.of(new BountyEvent.Refunded(a, Usdc.parse("5"), T0)));

        await(() -> seenThere.size() == 4, "the other process's listener gets all four events");
        assertThat(seenThere).isEqualTo(seenHere);
        assertThat(seenThere.stream().filter(e -> e.bountyId().equals(a)).map(EventFeed.Entry::id).toList())
                .hasSize(3).isSorted();
        // one more pass on each side delivers nothing: no entry twice, and no own entry come back
        assertThat(((SqlStorage.FollowingFeed) there.eventFeed()).catchUp()).isZero();
        assertThat(((SqlStorage.FollowingFeed) here.eventFeed()).catchUp()).isZero();
        assertThat(seenHere).hasSize(4);
        assertThat(seenThere).hasSize(4);
    }

    @Test
    void an_event_whose_transaction_commits_after_a_later_id_is_still_delivered() throws SQLException {
        List<EventFeed.Entry> seenThere = new CopyOnWriteArrayList<>();
        SqlStorage.FollowingFeed follower = (SqlStorage.FollowingFeed) there.eventFeed();
        follower.subscribe(seenThere::add);
        BountyId x = new BountyId(UUID.randomUUID());
        BountyId y = new BountyId(UUID.randomUUID());
        here.storage().publish(List.of(new BountyEvent.Opened(x, Usdc.parse("5"), "0xd", T0)));
        here.storage().publish(List.of(new BountyEvent.Opened(y, Usdc.parse("6"), "0xe", T0)));
        await(() -> seenThere.size() == 2, "both first events");

        // x's next event takes its id first but commits after y's next event, which has a higher id
        try (Connection slow = here.dataSource().getConnection(); Connection fast = here.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            long xId = copyOfFirstEvent(slow, x);
            long yId = copyOfFirstEvent(fast, y);
            assertThat(xId).isLessThan(yId);
            fast.commit();
            await(() -> follower.catchUp() >= 0 && seenThere.stream().anyMatch(e -> e.id() == yId), "y's event");
            assertThat(seenThere).noneMatch(e -> e.id() == xId);

            slow.commit();
            await(() -> follower.catchUp() >= 0 && seenThere.stream().anyMatch(e -> e.id() == xId),
                    "x's event, committed late, found in the hole it left");
        }
        assertThat(seenThere).hasSize(4);
        assertThat(there.eventFeed().eventsOf(x, 0, 10)).hasSize(2);
    }

    @Test
    void an_event_of_a_transaction_still_open_when_a_process_starts_reaches_that_process() throws SQLException {
        BountyId x = new BountyId(UUID.randomUUID());
        BountyId y = new BountyId(UUID.randomUUID());
        here.storage().publish(List.of(new BountyEvent.Opened(x, Usdc.parse("5"), "0xd", T0)));
        here.storage().publish(List.of(new BountyEvent.Opened(y, Usdc.parse("6"), "0xe", T0)));
        try (Connection slow = here.dataSource().getConnection(); Connection fast = here.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            long xId = copyOfFirstEvent(slow, x);
            copyOfFirstEvent(fast, y);
            fast.commit();
            // a process starts now: the highest committed id is above x's, which is not committed yet
            try (PersistenceAdapters.SqlStore late = PersistenceAdapters.sql(TestServers.postgresSettings(schema))) {
                SqlStorage.FollowingFeed feed = (SqlStorage.FollowingFeed) late.eventFeed();
                List<EventFeed.Entry> seen = new CopyOnWriteArrayList<>();
                feed.subscribe(seen::add);
                slow.commit();
                await(() -> feed.catchUp() >= 0 && seen.stream().anyMatch(e -> e.id() == xId), "x's late event");
                assertThat(seen).hasSize(1);
            }
        }
    }

    /** Inserts a copy of the first stored event of {@code bounty} in {@code c}'s open transaction. */
    private static long copyOfFirstEvent(Connection c, BountyId bounty) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (bounty_id, type, payload, occurred_at)"
                + " SELECT bounty_id, type, payload, occurred_at FROM events WHERE bounty_id = ? ORDER BY id LIMIT 1"
                + " RETURNING id")) {
            ps.setObject(1, bounty.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
