package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.contract.CardStoreContract;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.memory.InMemoryCardStore;
import io.moldtank.ports.out.a2a.CardFetcher;
import io.moldtank.ports.out.a2a.CardFetcher.Result;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeepingAgentCardsTest {
    /** example.com-style names resolve to a public address; anything else does not resolve. */
    private static final OutboundUrlGuard URLS = new OutboundUrlGuard(host -> host.endsWith(".example")
            ? List.of(java.net.InetAddress.getByName("93.184.216.34")) : List.of());
    private final TestClock clock = new TestClock();
    private final Deque<Result> answers = new ArrayDeque<>();
    private final List<String> sentEtags = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private final CardFetcher fetcher = (endpoint, etag) -> {
        sentEtags.add(etag);
        return answers.removeFirst();
    };
    private final KeepingAgentCards cards = new KeepingAgentCards(new InMemoryCardStore(), fetcher, URLS, clock,
            KeepingAgentCards.Settings.STANDARD, outcomes::add);
    private final AgentId agent = new AgentId(UUID.randomUUID());

    @Test
    void a_named_endpoint_is_pending_until_the_refresher_fetches_it() {
        cards.name(agent, "https://agent.example");
        assertThat(cards.card(agent).orElseThrow().status()).isEqualTo(CardState.Status.PENDING);

        answers.add(new Result.Fresh(CardStoreContract.card("Helper"), "\"e1\"", null));
        assertThat(cards.refreshDue()).isEqualTo(1);

        CardState state = cards.card(agent).orElseThrow();
        assertThat(state.status()).isEqualTo(CardState.Status.OK);
        assertThat(state.card().name()).isEqualTo("Helper");
        assertThat(outcomes).containsExactly("fetched");
    }

    @Test
    void the_card_is_not_fetched_again_before_its_max_age_and_then_revalidated_with_its_etag() {
        cards.name(agent, "https://agent.example");
        answers.add(new Result.Fresh(CardStoreContract.card("Helper"), "\"e1\"", Duration.ofMinutes(10)));
        cards.refreshDue();

        clock.advance(Duration.ofMinutes(9));
        assertThat(cards.refreshDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        answers.add(new Result.NotModified(null));
        assertThat(cards.refreshDue()).isEqualTo(1);

        assertThat(sentEtags).containsExactly(null, "\"e1\"");
        assertThat(cards.card(agent).orElseThrow().card().name()).isEqualTo("Helper");
        // no max-age on the 304: the default hour
        clock.advance(Duration.ofMinutes(59));
        assertThat(cards.refreshDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        answers.add(new Result.NotModified(Duration.ofSeconds(1)));
        assertThat(cards.refreshDue()).isEqualTo(1);
        // a tiny max-age is clamped to the minimum TTL
        clock.advance(Duration.ofSeconds(59));
        assertThat(cards.refreshDue()).isZero();
    }

    @Test
    void a_failure_is_reported_keeps_the_last_card_and_is_retried_later() {
        cards.name(agent, "https://agent.example");
        answers.add(new Result.Fresh(CardStoreContract.card("Helper"), null, Duration.ofMinutes(1)));
        cards.refreshDue();
        clock.advance(Duration.ofMinutes(1));
        answers.add(new Result.Failed("invalid", "the card is not JSON"));
        cards.refreshDue();

        CardState state = cards.card(agent).orElseThrow();
        assertThat(state.status()).isEqualTo(CardState.Status.FAILED);
        assertThat(state.reason()).isEqualTo("the card is not JSON");
        assertThat(state.card().name()).isEqualTo("Helper");
        clock.advance(Duration.ofMinutes(14));
        assertThat(cards.refreshDue()).isZero();
        assertThat(outcomes).containsExactly("fetched", "invalid");
    }

    @Test
    void an_endpoint_the_guard_refuses_is_never_named() {
        assertThat(cards.refusal("http://agent.example")).isEqualTo("must use https");
        assertThat(cards.refusal("https://intranet")).isEqualTo("host does not resolve");
        assertThat(cards.refusal("https://agent.example/" + "a".repeat(3000))).contains("at most");
        assertThat(cards.refusal("https://agent.example")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cards.name(agent, "http://agent.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cards.card(agent)).isEmpty();
    }

    @Test
    void renaming_the_endpoint_starts_over_and_null_forgets_it() {
        cards.name(agent, "https://agent.example");
        answers.add(new Result.Fresh(CardStoreContract.card("Helper"), null, null));
        cards.refreshDue();
        cards.name(agent, "https://agent.example");
        assertThat(cards.card(agent).orElseThrow().status()).isEqualTo(CardState.Status.OK);

        cards.name(agent, "https://other.example");
        assertThat(cards.card(agent).orElseThrow().status()).isEqualTo(CardState.Status.PENDING);
        cards.name(agent, null);
        assertThat(cards.card(agent)).isEmpty();
    }
}
