package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookLink;
import io.moldtank.ports.out.moltbook.MoltbookLinks;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link MoltbookLinks} does; {@link #moltbookLinks()} gives an empty one. */
public interface MoltbookLinksContract {

    MoltbookLinks moltbookLinks();

    @Test
    default void a_link_reads_back_by_agent_and_by_name_and_a_relink_refreshes_it() {
        MoltbookLinks links = moltbookLinks();
        AgentId a = new AgentId(UUID.randomUUID());
        MoltbookLink first = new MoltbookLink(a, new MoltbookIdentity("CoolBot", "Cool Bot", 420, true, "human"), T0);
        MoltbookLink again = new MoltbookLink(a, new MoltbookIdentity("CoolBot", null, 500, false, null),
                T0.plusSeconds(60));

        assertThat(links.save(first)).isTrue();
        assertThat(links.linkOf(a)).contains(first);
        assertThat(links.save(again)).isTrue();
        assertThat(links.linkOf(a)).contains(again);
        assertThat(links.byName("CoolBot")).contains(again);
        assertThat(links.byName("OtherBot")).isEmpty();
    }

    @Test
    default void a_name_linked_to_one_agent_is_not_linked_to_another() {
        MoltbookLinks links = moltbookLinks();
        AgentId a = new AgentId(UUID.randomUUID());
        AgentId b = new AgentId(UUID.randomUUID());
        MoltbookIdentity bot = new MoltbookIdentity("TakenBot", "Taken", 1, true, null);
        links.save(new MoltbookLink(a, bot, T0));

        assertThat(links.save(new MoltbookLink(b, bot, T0))).isFalse();
        assertThat(links.linkOf(b)).isEmpty();
        assertThat(links.byName("TakenBot").orElseThrow().agent()).isEqualTo(a);
    }

    @Test
    default void an_agent_relinking_to_another_name_gives_up_the_first() {
        MoltbookLinks links = moltbookLinks();
        AgentId a = new AgentId(UUID.randomUUID());
        links.save(new MoltbookLink(a, new MoltbookIdentity("FirstBot", null, 1, false, null), T0));
        links.save(new MoltbookLink(a, new MoltbookIdentity("SecondBot", null, 1, false, null), T0));

        assertThat(links.byName("FirstBot")).isEmpty();
        assertThat(links.linkOf(a).orElseThrow().identity().name()).isEqualTo("SecondBot");
    }
}
