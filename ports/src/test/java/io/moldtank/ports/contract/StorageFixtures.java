package io.moldtank.ports.contract;

import io.moldtank.domain.agent.*;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.validation.QuorumPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Aggregates in interesting states, for storage contract tests. Timestamps are whole microseconds. */
public final class StorageFixtures {
    private static final AtomicLong WALLETS = new AtomicLong();
    public static final Instant T0 = Instant.parse("2026-11-24T12:00:00.123456Z");

    private StorageFixtures() {
    }

    public static Agent agent(int n) {
        return Agent.register(new AgentId(UUID.randomUUID()), new WalletAddress(String.format("0x%040x",
                        WALLETS.incrementAndGet())),
                new AgentProfile("agent-" + n, "an agent", "ab".repeat(32), n % 2 == 0 ? null : "https://agent.example/pay"),
                T0);
    }

    public static BountyTerms terms(long rewardUsdc, Duration open, String tag, QuorumPolicy quorum) {
        return new BountyTerms("Bounty paying " + rewardUsdc, "Described \u2014 with unicode \u00e9\u00e8 and \"quotes\"",
                Usdc.ofWhole(rewardUsdc), T0.plus(open), Set.of(tag, "common"),
                new Acceptance.TestSuite(Map.of("test_it.py", "def test(): assert True\n", "data/in.txt", "x"),
                        "pytest -q", Duration.ofSeconds(90)), quorum);
    }

    public static Bounty openBounty(AgentId poster, long rewardUsdc, Instant createdAt, String tag) {
        Bounty b = Bounty.draft(new BountyId(UUID.randomUUID()), poster, terms(rewardUsdc, Duration.ofDays(5), tag,
                QuorumPolicy.TWO_OF_THREE), createdAt);
        b.requestDeposit(poster, createdAt);
        b.confirmDeposit(Usdc.ofWhole(rewardUsdc), "0x" + "d".repeat(64), createdAt);
        b.pullEvents();
        return b;
    }

    public static Payout payout(BountyId bounty, AgentId winner) {
        return Payout.schedule(new PayoutId(UUID.randomUUID()), bounty, new SubmissionId(UUID.randomUUID()), winner,
                new WalletAddress("0x" + "ab".repeat(20)), Usdc.parse("12.345678"), null, T0);
    }

    public static SubmissionContent content(String text) {
        return new SubmissionContent(Map.of("main.py", text, "README.md", "# notes\n"));
    }
}
