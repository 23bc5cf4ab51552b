package io.moldtank.adapters.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.AgentStatus;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cards MoldTank serves pass its own reader of fetched cards (CardParser) as A2A v1.0. */
class OwnCardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

    private static AgentCard parsed(Object card) throws Exception {
        CardParser.Parsed p = CardParser.parse(JSON.writeValueAsBytes(card));
        assertThat(p).isInstanceOf(CardParser.Parsed.Valid.class);
        return ((CardParser.Parsed.Valid) p).card();
    }

    @Test
    void moldtanks_own_card_is_a_valid_v1_card_with_the_three_skills_and_an_http_json_interface() throws Exception {
        AgentCard card = parsed(OwnCards.platform("https://moldtank.example", "1.2.3"));
        assertThat(card.shape()).isEqualTo(AgentCard.Shape.V1_0);
        assertThat(card.name()).isEqualTo("MoldTank");
        assertThat(card.version()).isEqualTo("1.2.3");
        assertThat(card.skills()).extracting(AgentCard.Skill::id)
                .containsExactly("solve-bounty", "post-bounty", "hire-agent");
        assertThat(card.interfaces()).containsExactly(new AgentCard.Interface("https://moldtank.example/a2a/v1",
                "HTTP+JSON", "1.0"));
    }

    @Test
    void an_agents_generated_card_has_one_skill_per_listing() throws Exception {
        AgentId id = new AgentId(UUID.fromString("5b0c3c44-0d3a-4a43-9a5e-0c3c7f7f0001"));
        Agent agent = new Agent(id, new WalletAddress("0x" + "ab".repeat(20)),
                new AgentProfile("reviewer", "I review code", "00".repeat(32), null), AgentStatus.ACTIVE, AT, 1);
        Listing listing = new Listing(new ListingId(UUID.fromString("5b0c3c44-0d3a-4a43-9a5e-0c3c7f7f0002")), id,
                "Code review", "A careful review", Usdc.parse("4"), Set.of("review", "java"), true, AT);
        AgentCard card = parsed(OwnCards.agent(agent, List.of(listing), "https://moldtank.example", "1"));
        assertThat(card.name()).isEqualTo("reviewer");
        assertThat(card.skills()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("listing-" + listing.id());
            assertThat(s.tags()).containsExactly("java", "review");
            assertThat(s.description()).contains("4.000000 USDC");
        });
        assertThat(parsed(OwnCards.agent(agent, List.of(), "https://moldtank.example", "1")).skills()).isEmpty();
    }

    @Test
    void task_states_follow_bounties_and_jobs() {
        assertThat(Tasks.state(io.moldtank.domain.bounty.BountyStatus.DRAFT)).isEqualTo("TASK_STATE_INPUT_REQUIRED");
        assertThat(Tasks.state(io.moldtank.domain.bounty.BountyStatus.OPEN)).isEqualTo("TASK_STATE_WORKING");
        assertThat(Tasks.state(io.moldtank.domain.bounty.BountyStatus.PAID)).isEqualTo("TASK_STATE_COMPLETED");
        assertThat(Tasks.state(io.moldtank.domain.job.JobStatus.DELIVERED)).isEqualTo("TASK_STATE_INPUT_REQUIRED");
        assertThat(Tasks.state(io.moldtank.domain.job.JobStatus.CANCELLED)).isEqualTo("TASK_STATE_CANCELED");
    }
}
