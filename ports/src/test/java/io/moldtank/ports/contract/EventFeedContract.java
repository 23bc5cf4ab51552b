package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.Transactions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The event feed's contract, written once and run on the in-memory feed, H2 and PostgreSQL: replay after
 * an id, per bounty, oldest first, at most a limit; live entries only once committed, with the ids a
 * replay gives. Each call of {@link #feedSystem()} gives an empty store and a feed over it.
 */
public interface EventFeedContract {

    /** A store's transactions and event publishing, and the feed over that store. */
    record FeedSystem(Transactions tx, PublishEvents events, EventFeed feed) {
        /** Publishes {@code events} in a transaction of their own. */
        public void commit(DomainEvent... events) {
            tx.inTransaction(() -> {
                this.events.publish(List.of(events));
                return null;
            });
        }
    }

    FeedSystem feedSystem();

    private static BountyId bounty() {
        return new BountyId(UUID.randomUUID());
    }

    /** The same arguments give an equal event, so a test can name what it expects back. */
    private static BountyEvent received(BountyId bounty, long sequence) {
        long bits = bounty.value().getLeastSignificantBits();
        return new BountyEvent.SubmissionReceived(bounty, new SubmissionId(new UUID(sequence, bits)),
                new AgentId(new UUID(-sequence, bits)), sequence, T0.plusSeconds(sequence));
    }

    private static List<Long> ids(List<EventFeed.Entry> entries) {
        return entries.stream().map(EventFeed.Entry::id).toList();
    }

    @Test
    default void a_replay_returns_one_bountys_events_after_the_given_id_oldest_first() {
        FeedSystem s = feedSystem();
        BountyId a = bounty();
        BountyId b = bounty();
        s.commit(received(a, 1), received(b, 1));
        s.commit(new Agent.Updated(new AgentId(UUID.randomUUID()), T0)); // of no bounty: never in the feed
        s.commit(received(a, 2));
        s.commit(new BountyEvent.Opened(a, Usdc.parse("12.345678"), "0xdeposit", T0), received(b, 2));

        List<EventFeed.Entry> all = s.feed().eventsOf(a, 0, 100);
        assertThat(all).extracting(EventFeed.Entry::bountyId).containsOnly(a);
        assertThat(all).extracting(EventFeed.Entry::event).containsExactly(received(a, 1), received(a, 2),
                new BountyEvent.Opened(a, Usdc.parse("12.345678"), "0xdeposit", T0));
        assertThat(ids(all)).isSorted().doesNotHaveDuplicates().allMatch(id -> id > 0);
        assertThat(s.feed().eventsOf(a, all.get(0).id(), 100)).isEqualTo(all.subList(1, 3));
        assertThat(s.feed().eventsOf(a, all.get(2).id(), 100)).isEmpty();
        assertThat(s.feed().eventsOf(b, 0, 100)).extracting(EventFeed.Entry::event)
                .containsExactly(received(b, 1), received(b, 2));
        assertThat(s.feed().eventsOf(bounty(), 0, 100)).isEmpty();
    }

    @Test
    default void a_replay_stops_at_the_limit_and_refuses_a_limit_below_one() {
        FeedSystem s = feedSystem();
        BountyId a = bounty();
        for (int i = 1; i <= 5; i++) {
            s.commit(received(a, i));
        }
        List<EventFeed.Entry> all = s.feed().eventsOf(a, 0, 100);
        assertThat(s.feed().eventsOf(a, 0, 2)).isEqualTo(all.subList(0, 2));
        assertThat(s.feed().eventsOf(a, all.get(1).id(), 2)).isEqualTo(all.subList(2, 4));
        assertThatThrownBy(() -> s.feed().eventsOf(a, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void a_listener_gets_an_event_only_once_its_transaction_has_committed() {
        FeedSystem s = feedSystem();
        List<EventFeed.Entry> seen = new CopyOnWriteArrayList<>();
        s.feed().subscribe(seen::add);
        BountyId a = bounty();
        s.tx().inTransaction(() -> {
            s.events().publish(List.of(received(a, 1)));
            assertThat(seen).as("delivered before commit").isEmpty();
            return null;
        });
        assertThat(seen).extracting(EventFeed.Entry::event).containsExactly(received(a, 1));
        assertThat(seen).isEqualTo(s.feed().eventsOf(a, 0, 10));
    }

    @Test
    default void a_failed_transaction_delivers_and_keeps_nothing() {
        FeedSystem s = feedSystem();
        List<EventFeed.Entry> seen = new CopyOnWriteArrayList<>();
        s.feed().subscribe(seen::add);
        BountyId a = bounty();
        assertThatThrownBy(() -> s.tx().inTransaction(() -> {
            s.events().publish(List.of(received(a, 1)));
            throw new IllegalStateException("the work failed after publishing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(seen).isEmpty();
        assertThat(s.feed().eventsOf(a, 0, 10)).isEmpty();
    }

    @Test
    default void live_entries_carry_increasing_ids_equal_to_the_replayed_ones() {
        FeedSystem s = feedSystem();
        List<EventFeed.Entry> seen = new CopyOnWriteArrayList<>();
        EventFeed.Subscription subscription = s.feed().subscribe(seen::add);
        BountyId a = bounty();
        BountyId b = bounty();
        s.commit(received(a, 1), received(a, 2));
        s.commit(received(b, 1));
        s.commit(received(a, 3));
        assertThat(ids(seen)).hasSize(4).isSorted().doesNotHaveDuplicates();
        assertThat(seen.stream().filter(e -> e.bountyId().equals(a)).toList()).isEqualTo(s.feed().eventsOf(a, 0, 10));
        assertThat(seen.stream().filter(e -> e.bountyId().equals(b)).toList()).isEqualTo(s.feed().eventsOf(b, 0, 10));

        subscription.close();
        subscription.close();
        s.commit(received(a, 4));
        assertThat(seen).hasSize(4);
    }
}
