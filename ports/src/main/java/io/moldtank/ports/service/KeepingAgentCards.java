package io.moldtank.ports.service;

import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.in.a2a.AgentCardUseCases;
import io.moldtank.ports.out.a2a.CardFetcher;
import io.moldtank.ports.out.a2a.CardStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps agents' A2A cards: naming an endpoint (which must pass the SSRF guard {@code urls}) stores it as pending; {@link #refreshDue} fetches what is due
 * (sending the kept ETag) and schedules the next fetch after the answer's max-age, clamped to
 * [{@code minTtl}, {@code maxTtl}], or {@code defaultTtl} when it gave none; a failure is retried after
 * {@code retry}. Each fetch's outcome goes to {@code outcomes} (the metric).
 */
public final class KeepingAgentCards implements AgentCardUseCases {
    public record Settings(Duration defaultTtl, Duration minTtl, Duration maxTtl, Duration retry, int batch) {
        public static final Settings STANDARD = new Settings(Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofDays(1), Duration.ofMinutes(15), 20);

        public Settings {
            if (minTtl.compareTo(maxTtl) > 0 || batch < 1) {
                throw new IllegalArgumentException("minTtl <= maxTtl and batch >= 1");
            }
        }
    }

    private final CardStore store;
    private final CardFetcher fetcher;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<String> outcomes;
    private final UrlPolicy urls;

    public KeepingAgentCards(CardStore store, CardFetcher fetcher, UrlPolicy urls, Clock clock, Settings settings,
                             Consumer<String> outcomes) {
        this.urls = Objects.requireNonNull(urls, "urls");
        this.store = Objects.requireNonNull(store, "store");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    }

    @Override
    public String refusal(String endpoint) {
        return endpoint.length() > AgentCard.URL ? "at most " + AgentCard.URL + " characters" : urls.refusal(endpoint);
    }

    @Override
    public void name(AgentId agent, String endpoint) {
        if (endpoint != null && refusal(endpoint) != null) {
            throw new IllegalArgumentException("an A2A endpoint the guard refuses: " + refusal(endpoint));
        }
        if (endpoint == null) {
            store.remove(agent);
            return;
        }
        Optional<CardState> kept = store.card(agent);
        if (kept.isEmpty() || !kept.get().endpoint().equals(endpoint)) {
            store.save(CardState.named(agent, endpoint, clock.instant()));
        }
    }

    @Override
    public Optional<CardState> card(AgentId agent) {
        return store.card(agent);
    }

    @Override
    public Map<AgentId, CardState> cards(Collection<AgentId> agents) {
        return agents.isEmpty() ? Map.of() : store.cards(agents);
    }

    @Override
    public int refreshDue() {
        var due = store.due(clock.instant(), settings.batch());
        due.forEach(this::refresh);
        return due.size();
    }

    private void refresh(CardState state) {
        CardFetcher.Result result = fetcher.fetch(state.endpoint(), state.card() == null ? null : state.etag());
        Instant now = clock.instant();
        CardState next = switch (result) {
            case CardFetcher.Result.Fresh f -> state.fetched(f.card(), f.etag(), now, now.plus(ttl(f.maxAge())));
            case CardFetcher.Result.NotModified n -> state.unchanged(now, now.plus(ttl(n.maxAge())));
            case CardFetcher.Result.Failed f -> state.failed(f.reason(), now, now.plus(settings.retry()));
        };
        // The agent may have renamed or dropped its endpoint while the fetch ran: keep only a current answer.
        Optional<CardState> current = store.card(state.agent());
        if (current.isPresent() && current.get().endpoint().equals(state.endpoint())) {
            store.save(next);
        }
        outcomes.accept(result.outcome());
    }

    private Duration ttl(Duration maxAge) {
        if (maxAge == null) {
            return settings.defaultTtl();
        }
        return maxAge.compareTo(settings.minTtl()) < 0 ? settings.minTtl()
                : maxAge.compareTo(settings.maxTtl()) > 0 ? settings.maxTtl() : maxAge;
    }
}
