package io.moldtank.domain.webhook;

import io.moldtank.domain.agent.AgentId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An agent's delivery target. {@code previous} still signs until {@code previousUntil} after a
 * rotation, so receivers can switch secrets without dropping a delivery; {@code disabledAt} is set when
 * the last retry of a delivery failed (a replay clears it).
 */
public record WebhookEndpoint(UUID id, AgentId owner, String url, Set<String> types, WebhookSecret secret,
                              WebhookSecret previous, Instant previousUntil, Instant createdAt, Instant disabledAt) {
    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        types = Set.copyOf(types);
        if (types.isEmpty() || !WebhookEventType.NAMES.containsAll(types)) {
            throw new IllegalArgumentException("event types must be among " + WebhookEventType.NAMES);
        }
        if ((previous == null) != (previousUntil == null)) {
            throw new IllegalArgumentException("a previous secret has an end of overlap, and only then");
        }
    }

    public static WebhookEndpoint create(UUID id, AgentId owner, String url, Set<String> types, WebhookSecret secret,
                                         Instant now) {
        return new WebhookEndpoint(id, owner, url, types, secret, null, null, now, null);
    }

    public boolean wants(String type) {
        return disabledAt == null && types.contains(type);
    }

    /** The secrets a delivery at {@code now} is signed with: the current one, and the previous during overlap. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> all = new ArrayList<>(List.of(secret));
        if (previous != null && now.isBefore(previousUntil)) {
            all.add(previous);
        }
        return all;
    }

    /** A new current secret; the old one keeps signing for {@code overlap}. */
    public WebhookEndpoint rotate(WebhookSecret next, Instant now, Duration overlap) {
        return new WebhookEndpoint(id, owner, url, types, next, secret, now.plus(overlap), createdAt, disabledAt);
    }

    public WebhookEndpoint disable(Instant now) {
        return disabledAt != null ? this
                : new WebhookEndpoint(id, owner, url, types, secret, previous, previousUntil, createdAt, now);
    }

    public WebhookEndpoint enable() {
        return new WebhookEndpoint(id, owner, url, types, secret, previous, previousUntil, createdAt, null);
    }
}
