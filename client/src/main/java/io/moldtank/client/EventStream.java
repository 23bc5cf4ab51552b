package io.moldtank.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * A bounty's live stream ({@code WS /api/v1/bounties/{id}/stream}) that survives disconnects: it remembers the
 * last event id and reconnects with {@code ?after=<id>} (back-off 0.5 s doubling to 30 s), so each event is
 * handed to the listener once, in order. Heartbeats are not handed on. Close it when done.
 */
public final class EventStream implements AutoCloseable {
    private final HttpClient http;
    private final URI streamUri;
    private final Consumer<StreamEvent> listener;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "moldtank-stream-reconnect");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile long lastId;
    private volatile WebSocket socket;
    private volatile int connects;
    private volatile Throwable lastFailure;
    private int failures;

    EventStream(HttpClient http, URI streamUri, long after, Consumer<StreamEvent> listener) {
        this.http = http;
        this.streamUri = streamUri;
        this.lastId = after;
        this.listener = listener;
        connect();
    }

    /** The id of the last event handed on; a new stream from it ({@code after}) continues where this one ended. */
    public long lastEventId() {
        return lastId;
    }

    /** How many times a connection was opened (1 + reconnects). */
    public int connections() {
        return connects;
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Blocks until {@link #close()} is called (e.g. by the listener), at most {@code timeout}; true if closed. */
    public boolean awaitClose(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the current connection as a network failure would; the stream reconnects from the last event id. */
    public void reconnect() {
        WebSocket s = socket;
        if (s != null) {
            s.abort(); // an aborted socket calls no listener method: the reconnect is ours to start
        }
        retryLater();
    }

    private void connect() {
        if (isClosed()) {
            return;
        }
        URI uri = URI.create(streamUri + "?after=" + lastId);
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new Listener())
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        lastFailure = failure;
                        retryLater();
                    } else {
                        socket = ws;
                        connects++;
                        failures = 0;
                        if (isClosed()) {
                            ws.abort();
                        }
                    }
                });
    }

    private synchronized void retryLater() {
        if (isClosed() || reconnects.isShutdown()) {
            return;
        }
        long delay = Math.min(30_000, 500L << Math.min(failures++, 6));
        reconnects.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Why the last connection attempt failed, if one did. */
    public Throwable lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        closed.countDown();
        reconnects.shutdownNow();
        WebSocket s = socket;
        if (s != null) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            s.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                handle(message);
            }
            ws.request(1);
            return null;
        }

        private void handle(String message) {
            try {
                JSONObject o = new JSONObject(message);
                if (!o.has("id") || "heartbeat".equals(o.optString("type"))) {
                    return;
                }
                StreamEvent e = Wire.event(o);
                if (e.id() <= lastId || isClosed()) {
                    return; // a replay after reconnecting may repeat what was handed on
                }
                lastId = e.id();
                listener.accept(e);
            } catch (JSONException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
                lastFailure = e; // one unreadable message is skipped, not fatal
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            retryLater();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lastFailure = error;
            retryLater();
        }
    }
}
