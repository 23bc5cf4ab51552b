package io.moldtank.ports.memory;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.webhook.WebhookEndpoint;
import io.moldtank.ports.out.webhook.WebhookStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The reference {@link WebhookStore}: one lock, no transactions of its own (tests roll nothing back). */
public final class InMemoryWebhookStore implements WebhookStore {
    private final Map<UUID, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    private final List<Message> messages = new ArrayList<>();
    private final Map<Long, Row> deliveries = new LinkedHashMap<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private long nextDelivery = 1;

    /** A delivery's mutable state. */
    private static final class Row {
        final long id;
        final UUID endpoint;
        final Message message;
        int attempts;
        Instant next;
        String status = "PENDING";

        Row(long id, UUID endpoint, Message message, Instant next) {
            this.id = id;
            this.endpoint = endpoint;
            this.message = message;
            this.next = next;
        }
    }

    @Override
    public synchronized void saveEndpoint(WebhookEndpoint endpoint) {
        endpoints.put(endpoint.id(), endpoint);
    }

    @Override
    public synchronized Optional<WebhookEndpoint> endpoint(UUID id) {
        return Optional.ofNullable(endpoints.get(id));
    }

    @Override
    public synchronized List<WebhookEndpoint> endpointsOf(AgentId owner) {
        return endpoints.values().stream().filter(e -> e.owner().equals(owner))
                .sorted(Comparator.comparing(WebhookEndpoint::createdAt)).toList();
    }

    @Override
    public synchronized boolean deleteEndpoint(UUID id) {
        deliveries.values().removeIf(r -> r.endpoint.equals(id));
        attempts.removeIf(a -> a.endpointId().equals(id));
        return endpoints.remove(id) != null;
    }

    @Override
    public synchronized long enqueue(AgentId owner, String type, String payload, Instant at, List<UUID> targets) {
        Message m = new Message(messages.size() + 1, owner, type, payload, at);
        messages.add(m);
        targets.forEach(t -> add(t, m, at));
        return m.id();
    }

    private void add(UUID endpoint, Message m, Instant at) {
        long id = nextDelivery++;
        deliveries.put(id, new Row(id, endpoint, m, at));
    }

    @Override
    public synchronized List<Message> messagesOf(AgentId owner, long afterId, int limit) {
        return messages.stream().filter(m -> m.owner().equals(owner) && m.id() > afterId).limit(limit).toList();
    }

    @Override
    public synchronized void requeue(UUID endpoint, List<Long> messageIds, Instant at) {
        messageIds.forEach(id -> add(endpoint, messages.get((int) (id - 1)), at));
    }

    @Override
    public synchronized List<Delivery> claimDue(Instant now, Duration lease, int limit, Set<UUID> skip) {
        List<Delivery> claimed = new ArrayList<>();
        for (Row r : deliveries.values()) {
            WebhookEndpoint e = endpoints.get(r.endpoint);
            if (claimed.size() < limit && r.status.equals("PENDING") && !r.next.isAfter(now) && e != null
                    && e.disabledAt() == null && !skip.contains(r.endpoint)) {
                r.next = now.plus(lease);
                claimed.add(new Delivery(r.id, r.endpoint, r.message, r.attempts));
            }
        }
        return claimed;
    }

    @Override
    public synchronized void recordAttempt(Attempt attempt, boolean delivered, Instant next) {
        attempts.add(attempt);
        Row r = deliveries.get(attempt.deliveryId());
        if (r != null) {
            r.attempts = attempt.attempt();
            r.status = delivered ? "DELIVERED" : next == null ? "FAILED" : "PENDING";
            r.next = next == null ? r.next : next;
        }
    }

    @Override
    public synchronized List<Attempt> attempts(UUID endpoint, int limit) {
        return attempts.reversed().stream().filter(a -> a.endpointId().equals(endpoint)).limit(limit).toList();
    }

    @Override
    public synchronized long disabledEndpoints() {
        return endpoints.values().stream().filter(e -> e.disabledAt() != null).count();
    }
}
