package io.moldtank.ports.out.webhook;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.webhook.WebhookEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook endpoints, the per-agent message log and the delivery outbox. Writes join the caller's
 * transaction (see {@code Transactions}), so a message is enqueued with the event that caused it.
 */
public interface WebhookStore {

    /** Inserts or replaces the endpoint. */
    void saveEndpoint(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> endpoint(UUID id);

    /** The owner's endpoints, oldest first. */
    List<WebhookEndpoint> endpointsOf(AgentId owner);

    /** Removes the endpoint with its deliveries and attempts; false when there was none. */
    boolean deleteEndpoint(UUID id);

    /** Appends a message for {@code owner} and a delivery of it to each endpoint, due at {@code at}; its id. */
    long enqueue(AgentId owner, String type, String payload, Instant at, List<UUID> endpoints);

    /** The owner's messages with id above {@code afterId}, oldest first. */
    List<Message> messagesOf(AgentId owner, long afterId, int limit);

    /** New deliveries of these messages to the endpoint, due at {@code at} (a replay). */
    void requeue(UUID endpoint, List<Long> messageIds, Instant at);

    /**
     * Pending deliveries of enabled endpoints due at {@code now}, each pushed {@code lease} into the future
     * so another worker does not take it while it is being sent (a crash then retries after the lease).
     * Endpoints in {@code skip} (busy in this process) are left alone.
     */
    List<Delivery> claimDue(Instant now, Duration lease, int limit, Set<UUID> skip);

    /** Records a try; the delivery is done when {@code delivered}, else due again at {@code next}, or failed when null. */
    void recordAttempt(Attempt attempt, boolean delivered, Instant next);

    /** The endpoint's latest attempts, newest first. */
    List<Attempt> attempts(UUID endpoint, int limit);

    /** How many endpoints are disabled now. */
    long disabledEndpoints();

    record Message(long id, AgentId owner, String type, String payload, Instant occurredAt) {
    }

    /** {@code attempts}: tries made so far. */
    record Delivery(long id, UUID endpointId, Message message, int attempts) {
    }

    /** One try: {@code status} 0 when no HTTP answer came; {@code error} null on a 2xx. */
    record Attempt(long deliveryId, UUID endpointId, long messageId, int attempt, int status, long durationMillis,
                   String error, Instant at) {
    }
}
