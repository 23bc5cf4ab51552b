package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.out.a2a.CardStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link CardStore} does; {@link #cardStore()} gives an empty one. */
public interface CardStoreContract {

    CardStore cardStore();

    static AgentCard card(String name) {
        return new AgentCard(AgentCard.Shape.V1_0, name, "answers questions", "1.2.0",
                List.of(new AgentCard.Interface("https://agent.example/a2a", "JSONRPC", "1.0")),
                List.of(new AgentCard.Skill("qa", "Q&A", "answers", List.of("qa", "search"))));
    }

    @Test
    default void a_fetched_card_reads_back_whole_with_its_etag_and_times() {
        CardStore store = cardStore();
        AgentId a = new AgentId(UUID.randomUUID());
        CardState named = CardState.named(a, "https://agent.example", T0);
        store.save(named);
        CardState ok = named.fetched(card("Helper"), "\"v1\"", T0.plusSeconds(1), T0.plus(Duration.ofHours(1)));
        store.save(ok);

        assertThat(store.card(a)).contains(ok);
        assertThat(store.cards(List.of(a, new AgentId(UUID.randomUUID())))).containsOnlyKeys(a).containsValue(ok);
    }

    @Test
    default void a_failure_keeps_the_last_card_and_says_why() {
        CardStore store = cardStore();
        AgentId a = new AgentId(UUID.randomUUID());
        CardState failed = CardState.named(a, "https://agent.example", T0)
                .fetched(card("Helper"), null, T0, T0).failed("HTTP 500", T0.plusSeconds(5), T0.plusSeconds(900));
        store.save(failed);

        assertThat(store.card(a)).contains(failed);
        assertThat(store.card(a).orElseThrow().card().name()).isEqualTo("Helper");
    }

    @Test
    default void only_states_due_are_handed_out_oldest_first_and_at_most_the_limit() {
        CardStore store = cardStore();
        AgentId early = new AgentId(UUID.randomUUID());
        AgentId later = new AgentId(UUID.randomUUID());
        AgentId future = new AgentId(UUID.randomUUID());
        store.save(CardState.named(later, "https://b.example", T0.plusSeconds(10)));
        store.save(CardState.named(early, "https://a.example", T0));
        store.save(CardState.named(future, "https://c.example", T0.plusSeconds(100)));

        assertThat(store.due(T0.plusSeconds(10), 10)).extracting(CardState::agent).containsExactly(early, later);
        assertThat(store.due(T0.plusSeconds(10), 1)).extracting(CardState::agent).containsExactly(early);
    }

    @Test
    default void removing_forgets_the_endpoint() {
        CardStore store = cardStore();
        AgentId a = new AgentId(UUID.randomUUID());
        store.save(CardState.named(a, "https://a.example", T0));

        assertThat(store.remove(a)).isTrue();
        assertThat(store.remove(a)).isFalse();
        assertThat(store.card(a)).isEmpty();
        assertThat(store.due(T0, 10)).isEmpty();
    }
}
