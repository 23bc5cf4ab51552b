package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.moldtank.adapters.a2a.A2aAdapters;
import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.ports.in.a2a.AgentCardUseCases;
import io.moldtank.ports.out.a2a.CardFetcher;
import io.moldtank.ports.service.KeepingAgentCards;
import io.moldtank.ports.service.OutboundUrlGuard;
import io.moldtank.ports.service.UrlPolicy;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 §3: agents' A2A cards. The scheduler node fetches the cards that are due every
 * {@code moldtank.a2a.interval} (a request never fetches); each fetch counts in
 * {@code moldtank_a2a_card_fetches_total{outcome}}.
 */
final class AgentCards {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCards.class);
    private static final List<String> OUTCOMES = List.of("fetched", "not_modified", "invalid", "too_large", "redirect",
            "refused", "http_error", "unreachable");

    static {
        OUTCOMES.forEach(AgentCards::fetches);
    }

    private final KeepingAgentCards cards;
    private final Duration interval;

    private AgentCards(KeepingAgentCards cards, Duration interval) {
        this.cards = cards;
        this.interval = interval;
    }

    /** Wired over the SQL storage; the scheduler runs {@link #refreshDue} every {@link #interval}. */
    static AgentCards wire(Config c, SqlStorage storage, Wiring wiring) {
        UrlPolicy strict = new OutboundUrlGuard(OutboundUrlGuard.SYSTEM_DNS);
        boolean loopback = c.get("allow-loopback-for-tests").asBoolean().orElse(false);
        UrlPolicy urls = loopback ? new LoopbackForTests(strict) : strict;
        var trust = c.get("trust-certificate-for-tests").asString().filter(s -> !s.isBlank());
        CardFetcher fetcher = trust.isPresent() ? A2aAdapters.fetcher(urls, LoopbackForTests.trusting(trust.get()))
                : A2aAdapters.fetcher(urls);
        if (loopback || trust.isPresent()) {
            LOG.atWarn().addKeyValue("event", "a2a-test-mode")
                    .log("moldtank.a2a test settings are on: loopback agents and/or a test certificate are allowed");
        }
        var settings = new KeepingAgentCards.Settings(
                c.get("default-ttl").as(Duration.class).orElse(Duration.ofHours(1)),
                c.get("min-ttl").as(Duration.class).orElse(Duration.ofMinutes(1)),
                c.get("max-ttl").as(Duration.class).orElse(Duration.ofDays(1)),
                c.get("retry").as(Duration.class).orElse(Duration.ofMinutes(15)),
                KeepingAgentCards.Settings.STANDARD.batch());
        var cards = new KeepingAgentCards(storage.agentCards(), fetcher, urls, wiring.clock(), settings,
                outcome -> fetches(outcome).increment());
        Duration interval = c.get("interval").as(Duration.class).orElse(Duration.ofSeconds(30));
        wiring.chose("a2a-cards", "refreshed every " + interval + ", default TTL " + settings.defaultTtl()
                + (loopback ? " (loopback allowed: tests only)" : ""));
        return new AgentCards(cards, interval);
    }

    AgentCardUseCases useCases() {
        return cards;
    }

    /** The scheduler's pass: fetches the cards that are due; how many. */
    int refreshDue() {
        return cards.refreshDue();
    }

    Duration interval() {
        return interval;
    }

    private static Counter fetches(String outcome) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder("moldtank.a2a.card.fetches")
                .description("A2A agent card fetches by outcome")
                .tags(List.of(Metrics.tag("outcome", outcome))));
    }

}
