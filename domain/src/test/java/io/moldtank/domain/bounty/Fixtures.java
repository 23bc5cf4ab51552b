package io.moldtank.domain.bounty;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.QuorumPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Intention-revealing test data for bounties and submissions. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    public static final Instant DEADLINE = NOW.plus(Duration.ofDays(7));
    public static final AgentId POSTER = agent(1);
    public static final Usdc REWARD = Usdc.ofWhole(100);

    private Fixtures() {
    }

    public static AgentId agent(int n) {
        return new AgentId(new UUID(0xA6E17L, n));
    }

    public static BountyTerms terms(QuorumPolicy quorum) {
        return new BountyTerms("Fix the flaky parser", "Make tests/test_parser.py pass.", REWARD, DEADLINE,
                Set.of("python"), new Acceptance.TestSuite(Map.of("test_parser.py", "def test_ok(): pass"),
                "pytest -q", Duration.ofSeconds(60)), quorum);
    }

    public static Bounty draftBounty() {
        return Bounty.draft(new BountyId(new UUID(0xB0, 1)), POSTER, terms(QuorumPolicy.ONE_OF_ONE), NOW);
    }

    public static Bounty openBounty() {
        Bounty b = draftBounty();
        b.requestDeposit(POSTER, NOW);
        b.confirmDeposit(REWARD, "0xdeposit", NOW);
        b.pullEvents();
        return b;
    }

    public static SubmissionId submissionId(long n) {
        return new SubmissionId(new UUID(0x5B, n));
    }

    public static SubmissionContent content(String text) {
        return new SubmissionContent(Map.of("solution.py", text));
    }
}
