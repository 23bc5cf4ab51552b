package io.moldtank.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.bounty.GetBountyQuery;
import io.moldtank.ports.out.events.EventFeed;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WS /api/v1/bounties/{id}/stream[?after=<last seen event id>]: the bounty's events as JSON, in
 * order, history first, then live, with heartbeats. Thin: the outbox does the work.
 */
final class BountyStreamListener implements WsListener {
    static final String PATH = HttpAdapters.API_ROOT + "/bounties/{id}/stream";
    private static final Pattern STREAM = Pattern.compile("/api/v1/bounties/([0-9a-f-]{36})/stream");
    private static final int MAX_REPLAY = 10_000;
    private static final io.helidon.http.HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");

    /** What every connection shares. */
    record Settings(EventFeed feed, GetBountyQuery bounties, Clock clock, Duration heartbeat, int capacity) {
    }

    private final Settings settings;
    private BountyId bounty;
    private long after;
    private StreamOutbox outbox;
    private EventFeed.Subscription subscription;

    BountyStreamListener(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        Matcher m = STREAM.matcher(prologue.uriPath().rawPath());
        if (!m.matches()) {
            throw new WsUpgradeException("stream path must be /api/v1/bounties/{uuid}/stream");
        }
        try {
            bounty = new BountyId(UUID.fromString(m.group(1)));
        } catch (IllegalArgumentException e) {
            throw new WsUpgradeException("bounty id must be a UUID");
        }
        if (!(settings.bounties().bounty(bounty) instanceof Outcome.Done<?>)) {
            throw new WsUpgradeException("unknown bounty " + bounty);
        }
        String lastSeen;
        try {
            lastSeen = prologue.query().first("after")
                    .orElseGet(() -> RequestHeaders.single(headers, LAST_EVENT_ID).orElse("0"));
        } catch (RuntimeException e) {
            // a repeated Last-Event-ID, or a query Helidon cannot decode (it throws several kinds)
            throw new WsUpgradeException("after must be one non-negative event id");
        }
        if (!lastSeen.matches("\\d{1,18}")) {
            throw new WsUpgradeException("after must be a non-negative event id");
        }
        after = Long.parseLong(lastSeen);
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        outbox = new StreamOutbox(new StreamOutbox.Sink() {
            @Override
            public void send(String text) {
                session.send(text, true);
            }

            @Override
            public void drop(String reason) {
                stop();
                session.terminate();
            }
        }, settings.capacity(), settings.heartbeat(), settings.clock());
        // Subscribe before reading history: nothing falls between the two, duplicates are dropped by id.
        subscription = settings.feed().subscribe(e -> {
            if (e.bountyId().equals(bounty)) {
                outbox.live(e);
            }
        });
        outbox.replay(settings.feed().eventsOf(bounty, after, MAX_REPLAY), after);
        outbox.start();
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        stop();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        stop();
        session.close(WsCloseCodes.UNEXPECTED_CONDITION, "stream error");
    }

    private void stop() {
        if (subscription != null) {
            subscription.close();
        }
        if (outbox != null) {
            outbox.close();
        }
    }
}
