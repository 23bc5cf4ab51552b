package io.moldtank.ports.service;

import io.moldtank.domain.webhook.DeliverySchedule;
import io.moldtank.domain.webhook.WebhookEndpoint;
import io.moldtank.domain.webhook.WebhookSignature;
import io.moldtank.ports.out.storage.Transactions;
import io.moldtank.ports.out.webhook.WebhookSender;
import io.moldtank.ports.out.webhook.WebhookStore;
import io.moldtank.ports.out.webhook.WebhookStore.Attempt;
import io.moldtank.ports.out.webhook.WebhookStore.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Drains the webhook outbox: each pass claims due deliveries and sends them on virtual threads. At most
 * {@code perEndpoint} sends per endpoint and {@code overall} in all are in flight, and a busy endpoint
 * is not claimed from again, so a receiver that never answers holds only its own slots. A failed try
 * waits per the {@link DeliverySchedule}; after the last the endpoint is disabled.
 */
public final class DeliveringWebhooks {
    private static final System.Logger LOG = System.getLogger(DeliveringWebhooks.class.getName());

    /** Bounds and timings of the worker. */
    public record Settings(DeliverySchedule schedule, Duration lease, int overall, int perEndpoint, int claimBatch) {
        public static final Settings STANDARD = new Settings(DeliverySchedule.STANDARD, Duration.ofMinutes(10), 16,
                2, 32);
    }

    private final WebhookStore store;
    private final Transactions tx;
    private final WebhookSender sender;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<String> outcomes;
    private final Semaphore overall;
    private final Map<java.util.UUID, Semaphore> perEndpoint = new ConcurrentHashMap<>();
    private final Map<java.util.UUID, AtomicInteger> queued = new ConcurrentHashMap<>();

    /** {@code outcomes} hears "delivered", "failed" (a try failed) and "disabled" (the last one did). */
    public DeliveringWebhooks(WebhookStore store, Transactions tx, WebhookSender sender, Clock clock, Settings settings,
                              Consumer<String> outcomes) {
        this.store = store;
        this.tx = tx;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.outcomes = outcomes;
        this.overall = new Semaphore(settings.overall());
    }

    /** Claims what is due and starts sending it; returns how many deliveries it started. */
    public int deliverDue() {
        Set<java.util.UUID> busy = queued.entrySet().stream().filter(e -> e.getValue().get() >= settings.perEndpoint())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        List<Delivery> due = store.claimDue(clock.instant(), settings.lease(), settings.claimBatch(), busy);
        for (Delivery d : due) {
            queued.computeIfAbsent(d.endpointId(), k -> new AtomicInteger()).incrementAndGet();
            Thread.ofVirtual().name("webhook-" + d.id()).start(() -> sendBounded(d));
        }
        return due.size();
    }

    /** Sends currently in flight or waiting for a slot (for tests and shutdown). */
    public int inFlight() {
        return queued.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void sendBounded(Delivery d) {
        Semaphore mine = perEndpoint.computeIfAbsent(d.endpointId(), k -> new Semaphore(settings.perEndpoint()));
        try {
            mine.acquire(); // endpoint first: a stuck endpoint's waiters never hold an overall slot
            try {
                overall.acquire();
                try {
                    send(d);
                } finally {
                    overall.release();
                }
            } finally {
                mine.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the lease runs out and another pass retries
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "webhook delivery " + d.id() + " failed to record", e);
        } finally {
            queued.get(d.endpointId()).decrementAndGet();
        }
    }

    void send(Delivery d) {
        Optional<WebhookEndpoint> found = store.endpoint(d.endpointId());
        if (found.isEmpty() || found.get().disabledAt() != null) {
            return; // deleted or disabled meanwhile; a replay enqueues again
        }
        WebhookEndpoint e = found.get();
        Instant now = clock.instant();
        String id = "msg_" + d.message().id();
        long timestamp = now.getEpochSecond();
        String body = d.message().payload();
        Map<String, String> headers = Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.header(id, timestamp, body, e.signingSecrets(now)),
                "content-type", "application/json");
        WebhookSender.Reply reply = sender.post(e.url(), headers, body);
        int attempt = d.attempts() + 1;
        String error = reply.delivered() ? null : reply.error() != null ? reply.error() : "HTTP " + reply.status();
        Attempt a = new Attempt(d.id(), e.id(), d.message().id(), attempt, reply.status(), reply.durationMillis(),
                error, clock.instant());
        if (reply.delivered()) {
            store.recordAttempt(a, true, null);
            outcomes.accept("delivered");
            return;
        }
        Optional<Duration> wait = settings.schedule().delayAfter(attempt);
        if (wait.isPresent()) {
            store.recordAttempt(a, false, a.at().plus(wait.get()));
            outcomes.accept("failed");
            return;
        }
        tx.inTransaction(() -> {
            store.recordAttempt(a, false, null);
            store.endpoint(e.id()).ifPresent(current -> store.saveEndpoint(current.disable(a.at())));
            return null;
        });
        LOG.log(System.Logger.Level.WARNING, "webhook endpoint {0} of agent {1} disabled after {2} failed tries: {3}",
                e.id(), e.owner(), attempt, error);
        outcomes.accept("failed");
        outcomes.accept("disabled");
    }
}
