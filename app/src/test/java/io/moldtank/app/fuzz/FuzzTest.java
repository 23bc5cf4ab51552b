package io.moldtank.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The fuzzing campaign at CI size, against the main job on embedded defaults: random and mutated requests
 * on every route of the OpenAPI document (signed where the route wants it), raw bytes and the WebSocket
 * stream, and every input that ever failed. The on-demand size is {@code bench/fuzz/run.sh} (FuzzCampaignTest).
 */
class FuzzTest {
    /** Small enough for every build; failures are written to target/fuzz-failures.jsonl to join the corpus. */
    static final int TRIES = 1500;
    private static Campaign campaign;

    @BeforeContainer
    static void start() {
        campaign = new Campaign();
    }

    @AfterContainer
    static void stop() {
        if (campaign != null) {
            Corpus.append(Path.of("target", "fuzz-failures.jsonl"),
                    campaign.failures().stream().map(Campaign.Failure::request).toList());
            campaign.close();
        }
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void no_input_gets_a_5xx_a_hang_an_undocumented_problem_or_changes_storage_when_refused(
            @ForAll("inputs") FuzzRequest request) {
        assertThat(campaign.run(request)).as("%s", request).isEmpty();
    }

    @Provide
    Arbitrary<FuzzRequest> inputs() {
        // The grammar draws from one Random per input: jqwik's seed makes a run repeatable.
        return Arbitraries.randoms().map(rnd -> campaign.requests().next(rnd));
    }

    @Example
    void every_input_that_ever_failed_now_passes() {
        List<String> failed = new ArrayList<>();
        List<FuzzRequest> corpus = Corpus.regressions();
        for (FuzzRequest r : corpus) {
            List<String> wrong = campaign.run(r);
            if (!wrong.isEmpty()) {
                failed.add(r + " -> " + wrong);
            }
        }
        assertThat(corpus).hasSizeGreaterThan(10);
        assertThat(failed).isEmpty();
    }
}
