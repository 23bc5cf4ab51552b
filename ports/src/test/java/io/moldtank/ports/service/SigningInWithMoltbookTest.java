package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookRefusal;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.memory.InMemoryMoltbookLinks;
import io.moldtank.ports.out.moltbook.IdentityVerifier.Verification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SigningInWithMoltbookTest {
    private static final MoltbookIdentity BOT = new MoltbookIdentity("CoolBot", "Cool Bot", 420, true, "human");
    private final TestClock clock = new TestClock();
    private final List<String> asked = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private Function<String, Verification> moltbook = token -> new Verification.Verified(BOT,
            clock.instant().plus(Duration.ofHours(1)));
    private final SigningInWithMoltbook signIn = new SigningInWithMoltbook(token -> {
        asked.add(token);
        return moltbook.apply(token);
    }, new InMemoryMoltbookLinks(), clock, new SigningInWithMoltbook.Settings(2, Duration.ofMinutes(5),
            Duration.ofMinutes(10)), outcomes::add);

    @Test
    void a_verified_token_is_asked_about_once_until_it_expires() {
        assertThat(signIn.check("tok-1").orThrow()).isEqualTo(BOT);
        clock.advance(Duration.ofMinutes(59));
        assertThat(signIn.check("tok-1").orThrow()).isEqualTo(BOT);
        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn.check("tok-1").orThrow()).isEqualTo(BOT);

        assertThat(asked).containsExactly("tok-1", "tok-1");
        assertThat(outcomes).containsExactly("verified", "cached", "verified");
    }

    @Test
    void the_cache_is_bounded_the_least_recently_used_token_goes_first() {
        signIn.check("a");
        signIn.check("b");
        signIn.check("a");
        signIn.check("c");
        signIn.check("a");
        signIn.check("b");

        assertThat(asked).containsExactly("a", "b", "c", "b");
    }

    @Test
    void each_refusal_keeps_its_own_reason_and_is_remembered_for_a_while() {
        for (MoltbookRefusal r : List.of(MoltbookRefusal.MOLTBOOK_TOKEN_EXPIRED, MoltbookRefusal.MOLTBOOK_TOKEN_INVALID,
                MoltbookRefusal.MOLTBOOK_WRONG_AUDIENCE, MoltbookRefusal.MOLTBOOK_AGENT_DEACTIVATED)) {
            moltbook = token -> new Verification.Refused(r, "no");
            assertThat(signIn.check("t-" + r)).isEqualTo(new Outcome.Refused<>(r, "no"));
        }
        assertThat(outcomes).containsExactly("expired", "invalid", "wrong_audience", "deactivated");
        moltbook = token -> new Verification.Verified(BOT, null);
        assertThat(signIn.check("t-MOLTBOOK_AGENT_DEACTIVATED")).isInstanceOf(Outcome.Refused.class);
        clock.advance(Duration.ofMinutes(10));
        assertThat(signIn.check("t-MOLTBOOK_AGENT_DEACTIVATED").orThrow()).isEqualTo(BOT);
    }

    @Test
    void moltbook_being_unavailable_is_not_remembered_and_a_malformed_token_is_never_sent() {
        moltbook = token -> new Verification.Unavailable("HTTP 503");
        assertThat(((Outcome.Refused<?>) signIn.check("t")).reason()).isEqualTo(MoltbookRefusal.MOLTBOOK_UNAVAILABLE);
        moltbook = token -> new Verification.Verified(BOT, null);
        assertThat(signIn.check("t").orThrow()).isEqualTo(BOT);

        assertThat(((Outcome.Refused<?>) signIn.check("bad token\n")).reason())
                .isEqualTo(MoltbookRefusal.MOLTBOOK_TOKEN_INVALID);
        assertThat(asked).containsExactly("t", "t");
    }

    @Test
    void an_identity_links_to_one_agent_and_relinking_it_refreshes_the_badge() {
        AgentId a = new AgentId(UUID.randomUUID());
        AgentId b = new AgentId(UUID.randomUUID());

        assertThat(signIn.link(a, "tok").orThrow().identity()).isEqualTo(BOT);
        assertThat(((Outcome.Refused<?>) signIn.link(b, "tok")).reason())
                .isEqualTo(MoltbookRefusal.MOLTBOOK_IDENTITY_TAKEN);
        assertThat(((Outcome.Refused<?>) signIn.check("tok")).reason())
                .isEqualTo(MoltbookRefusal.MOLTBOOK_IDENTITY_TAKEN);
        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn.link(a, "tok").orThrow().verifiedAt()).isEqualTo(clock.instant());
        assertThat(signIn.linkOf(b)).isEmpty();
    }
}
