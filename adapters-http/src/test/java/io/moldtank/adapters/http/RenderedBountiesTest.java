package io.moldtank.adapters.http;

import static io.moldtank.ports.contract.StorageFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.ports.out.storage.Page;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cached bounty JSON: the same bytes as rendering afresh, and never an older state of a bounty. */
class RenderedBountiesTest {
    private final RenderedBounties rendered = new RenderedBounties();

    @Test
    void a_page_is_byte_for_byte_what_rendering_the_whole_page_gives() {
        List<BountySnapshot> items = List.of(openBounty(agent(1).id(), 10, T0, "go").snapshot(),
                openBounty(agent(1).id(), 25, T0, "other").snapshot());
        for (String next : new String[]{null, "abc\"def"}) {
            Page<BountySnapshot> page = new Page<>(items, next);
            byte[] fresh = Json.write(Views.page(items.stream().map(Views::bounty).toList(), next));
            assertThat(rendered.page(page)).isEqualTo(fresh);
            assertThat(rendered.page(page)).isEqualTo(fresh); // second time from the cache
        }
        assertThat(rendered.page(new Page<>(List.of(), null))).isEqualTo(Json.write(Views.page(List.of(), null)));
    }

    @Test
    void a_changed_bounty_is_rendered_afresh_even_when_its_version_is_the_same() {
        Bounty b = openBounty(agent(1).id(), 10, T0, "go");
        BountySnapshot before = b.snapshot();
        assertThat(text(rendered.bounty(before))).contains("\"submissions\":0");
        b.submit(new SubmissionId(UUID.randomUUID()), agent(2).id(), content("x").hash(), T0);
        BountySnapshot after = b.snapshot();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(text(rendered.bounty(after))).contains("\"submissions\":1");
        assertThat(rendered.bounty(after)).isEqualTo(Json.write(Views.bounty(after)));
    }

    @Test
    void an_equal_snapshot_reuses_the_rendering() {
        Bounty b = openBounty(agent(1).id(), 10, T0, "go");
        byte[] first = rendered.bounty(b.snapshot());
        // A storage adapter that builds a new, equal snapshot per read still hits the cache.
        assertThat(rendered.bounty(Bounty.restore(b.snapshot()).snapshot())).isSameAs(first);
    }

    @Test
    void the_cache_stays_bounded() {
        for (int i = 0; i <= RenderedBounties.MAX_ENTRIES; i++) {
            rendered.bounty(openBounty(agent(1).id(), 10, T0, "go").snapshot());
        }
        assertThat(rendered.size()).isBetween(1, RenderedBounties.MAX_ENTRIES);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
