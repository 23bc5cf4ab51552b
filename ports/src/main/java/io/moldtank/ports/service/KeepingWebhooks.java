package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.domain.webhook.WebhookEndpoint;
import io.moldtank.domain.webhook.WebhookEventType;
import io.moldtank.domain.webhook.WebhookRefusal;
import io.moldtank.domain.webhook.WebhookSecret;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.webhook.WebhookUseCases;
import io.moldtank.ports.out.storage.Transactions;
import io.moldtank.ports.out.webhook.WebhookStore;
import io.moldtank.ports.out.webhook.WebhookStore.Attempt;
import io.moldtank.ports.out.webhook.WebhookStore.Message;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Issue 14 §2: an agent's webhook endpoints, their secrets (shown once), rotation and replay. */
public final class KeepingWebhooks implements WebhookUseCases {
    static final int MAX_ENDPOINTS = 10;
    private static final int REPLAY_MAX = 1000;

    private final WebhookStore store;
    private final Transactions tx;
    private final UrlPolicy urls;
    private final Clock clock;
    private final IdGenerator ids;
    private final Supplier<WebhookSecret> secrets;
    private final Duration overlap;

    public KeepingWebhooks(WebhookStore store, Transactions tx, UrlPolicy urls, Clock clock, IdGenerator ids,
                           Supplier<WebhookSecret> secrets, Duration overlap) {
        this.store = store;
        this.tx = tx;
        this.urls = urls;
        this.clock = clock;
        this.ids = ids;
        this.secrets = secrets;
        this.overlap = overlap;
    }

    /** 32 bytes from the platform's strong random source. */
    public static Supplier<WebhookSecret> randomSecrets() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] key = new byte[32];
            random.nextBytes(key);
            return new WebhookSecret(key);
        };
    }

    @Override
    public Outcome<Created> register(AgentId owner, String url, Set<String> types) {
        if (types == null || types.isEmpty() || !WebhookEventType.NAMES.containsAll(types)) {
            return Outcome.refused(new Rejection(WebhookRefusal.WEBHOOK_TYPES_INVALID,
                    "types must be a non-empty subset of " + WebhookEventType.NAMES.stream().sorted().toList()));
        }
        String why = url == null ? "missing" : urls.refusal(url);
        if (why != null) {
            return Outcome.refused(new Rejection(WebhookRefusal.WEBHOOK_URL_REFUSED, "url " + why));
        }
        return tx.inTransaction(() -> {
            if (store.endpointsOf(owner).size() >= MAX_ENDPOINTS) {
                return Outcome.refused(new Rejection(WebhookRefusal.WEBHOOK_LIMIT_REACHED,
                        "at most " + MAX_ENDPOINTS + " webhook endpoints per agent"));
            }
            WebhookSecret secret = secrets.get();
            WebhookEndpoint e = WebhookEndpoint.create(ids.next(), owner, url, types, secret, clock.instant());
            store.saveEndpoint(e);
            return Outcome.done(new Created(e, secret.text()));
        });
    }

    @Override
    public List<WebhookEndpoint> endpoints(AgentId owner) {
        return store.endpointsOf(owner);
    }

    @Override
    public Outcome<Boolean> delete(AgentId owner, UUID id) {
        return tx.inTransaction(() -> owned(owner, id).<Outcome<Boolean>>map(e -> Outcome.done(store.deleteEndpoint(id)))
                .orElseGet(() -> Outcome.notFound("webhook", id)));
    }

    @Override
    public Outcome<Created> rotate(AgentId owner, UUID id) {
        return tx.inTransaction(() -> owned(owner, id).<Outcome<Created>>map(e -> {
            WebhookSecret next = secrets.get();
            WebhookEndpoint rotated = e.rotate(next, clock.instant(), overlap);
            store.saveEndpoint(rotated);
            return Outcome.done(new Created(rotated, next.text()));
        }).orElseGet(() -> Outcome.notFound("webhook", id)));
    }

    @Override
    public Outcome<Integer> replay(AgentId owner, UUID id, long sinceMessageId) {
        return tx.inTransaction(() -> owned(owner, id).<Outcome<Integer>>map(e -> {
            store.saveEndpoint(e.enable());
            List<Long> again = store.messagesOf(owner, sinceMessageId, REPLAY_MAX).stream()
                    .filter(m -> e.types().contains(m.type())).map(Message::id).toList();
            store.requeue(id, again, clock.instant());
            return Outcome.done(again.size());
        }).orElseGet(() -> Outcome.notFound("webhook", id)));
    }

    @Override
    public Outcome<List<Attempt>> deliveries(AgentId owner, UUID id, int limit) {
        return owned(owner, id).<Outcome<List<Attempt>>>map(e -> Outcome.done(store.attempts(id, limit)))
                .orElseGet(() -> Outcome.notFound("webhook", id));
    }

    /** Someone else's endpoint is answered as missing, so ids reveal nothing. */
    private Optional<WebhookEndpoint> owned(AgentId owner, UUID id) {
        return store.endpoint(id).filter(e -> e.owner().equals(owner));
    }
}
