package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.ports.out.events.EventFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-connection outbox: order, replay-then-live without gaps or duplicates, heartbeats, slow clients. */
class StreamOutboxTest {
    private static final BountyId BOUNTY = new BountyId(new UUID(1, 1));

    private static EventFeed.Entry entry(long id) {
        return new EventFeed.Entry(id, BOUNTY, new BountyEvent.Expired(BOUNTY, Instant.EPOCH.plusSeconds(id)));
    }

    /** Records what was sent; counts down once per message. */
    static final class Recorder implements StreamOutbox.Sink {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch messages;
        final CountDownLatch dropped = new CountDownLatch(1);

        Recorder(int expected) {
            messages = new CountDownLatch(expected);
        }

        @Override
        public void send(String text) {
            sent.add(text);
            messages.countDown();
        }

        @Override
        public void drop(String reason) {
            dropped.countDown();
        }

        List<Long> ids() {
            return sent.stream().filter(s -> s.startsWith("{\"id\":"))
                    .map(s -> Long.parseLong(s.substring(6, s.indexOf(',')))).toList();
        }
    }

    @Test
    void history_is_sent_before_live_entries_without_duplicates() throws InterruptedException {
        Recorder r = new Recorder(5);
        StreamOutbox out = new StreamOutbox(r, 100, Duration.ofMinutes(1), Clock.systemUTC());
        out.live(entry(4)); // arrived while the history was being read
        out.live(entry(5));
        out.replay(List.of(entry(2), entry(3), entry(4)), 1);
        out.live(entry(5)); // a duplicate delivery is ignored
        out.live(entry(6));
        out.start();
        assertThat(r.messages.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(r.ids()).containsExactly(2L, 3L, 4L, 5L, 6L);
        out.close();
    }

    @Test
    void an_idle_stream_sends_heartbeats() throws InterruptedException {
        Recorder r = new Recorder(2);
        StreamOutbox out = new StreamOutbox(r, 10, Duration.ofMillis(50), Clock.systemUTC());
        out.replay(List.of(), 0);
        out.start();
        assertThat(r.messages.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(r.sent).allMatch(s -> s.startsWith("{\"type\":\"heartbeat\""));
        out.close();
    }

    @Test
    void a_stalled_client_is_dropped_and_never_blocks_the_producer_or_other_clients() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Recorder stalledEnds = new Recorder(0);
        StreamOutbox stalled = new StreamOutbox(new StreamOutbox.Sink() {
            @Override
            public void send(String text) throws InterruptedException {
                never.await(); // a client that stopped reading: the socket write never returns
            }

            @Override
            public void drop(String reason) {
                stalledEnds.drop(reason);
            }
        }, 4, Duration.ofMinutes(1), Clock.systemUTC());
        Recorder healthy = new Recorder(50);
        StreamOutbox fine = new StreamOutbox(healthy, 100, Duration.ofMinutes(1), Clock.systemUTC());
        stalled.replay(List.of(), 0);
        fine.replay(List.of(), 0);
        stalled.start();
        fine.start();

        long start = System.nanoTime();
        for (long id = 1; id <= 50; id++) {
            stalled.live(entry(id));
            fine.live(entry(id));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(stalledEnds.dropped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stalled.isClosed()).isTrue();
        assertThat(healthy.messages.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(healthy.ids()).hasSize(50).isSorted();
        never.countDown();
        fine.close();
    }
}
