package io.moldtank.adapters.http;

import io.moldtank.ports.out.events.EventFeed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One stream connection's queue. Producers (the committing threads) only offer, never wait; a sender
 * thread of its own writes to the socket and sends heartbeats when idle. A client too slow to drain
 * its queue is dropped, so it can only ever slow itself. History is replayed before live entries,
 * which are held back meanwhile and deduplicated by id.
 */
final class StreamOutbox {
    /** Where messages go: the WebSocket session in production, a recorder in tests. */
    interface Sink {
        void send(String text) throws Exception;

        /** Ends the connection without waiting on the peer. */
        void drop(String reason);
    }

    private final Sink sink;
    private final BlockingQueue<String> queue;
    private final Duration heartbeat;
    private final Clock clock;
    private final List<EventFeed.Entry> held = new ArrayList<>();
    private boolean replaying = true;
    private long lastQueuedId;
    private volatile boolean closed;

    StreamOutbox(Sink sink, int capacity, Duration heartbeat, Clock clock) {
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.heartbeat = heartbeat;
        this.clock = clock;
    }

    void start() {
        Thread.ofVirtual().name("moldtank-stream").start(this::sendLoop);
    }

    /** A live entry from the feed; held while the history is being replayed. */
    synchronized void live(EventFeed.Entry e) {
        if (replaying) {
            held.add(e);
        } else {
            enqueue(e);
        }
    }

    /** The history after the client's last-seen id, then whatever arrived meanwhile. */
    synchronized void replay(List<EventFeed.Entry> history, long afterId) {
        lastQueuedId = afterId;
        history.forEach(this::enqueue);
        held.forEach(this::enqueue);
        held.clear();
        replaying = false;
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    private void enqueue(EventFeed.Entry e) {
        if (closed || e.id() <= lastQueuedId) {
            return;
        }
        lastQueuedId = e.id();
        if (!queue.offer(EventJson.of(e))) {
            closed = true;
            // Dropping may touch the socket; never on the producer's thread.
            Thread.ofVirtual().start(() -> sink.drop("client too slow: more than " + queue.size()
                    + " messages pending"));
        }
    }

    private void sendLoop() {
        try {
            while (!closed) {
                String next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (closed) {
                    return;
                }
                sink.send(next != null ? next : EventJson.heartbeat(clock.instant()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            closed = true;
            sink.drop("send failed: " + e.getMessage());
        }
    }
}
