package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.RetrySchedule;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.bounty.*;
import io.moldtank.ports.memory.*;
import io.moldtank.ports.out.validation.ValidationRequest;
import io.moldtank.ports.out.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A whole MoldTank in memory: every service over the reference adapters, a test clock, sequential ids,
 * and validators whose votes tests script per submission content.
 */
final class InMemorySystem implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    final TestClock clock = new TestClock(START);
    final AtomicLong nextId = new AtomicLong();
    final InMemoryStorage storage = new InMemoryStorage();
    final InMemorySubmissionQueue queue = new InMemorySubmissionQueue(clock, 10);
    final InMemoryEscrow escrow = new InMemoryEscrow();
    final RecordingPaymentRail rail = new RecordingPaymentRail();
    /** Scripted votes by file content: "pass", "fail", "error"; anything else passes. */
    final Map<String, List<Vote.Kind>> scripts = new ConcurrentHashMap<>();
    /** Votes the panel has cast, all validators together. */
    final AtomicLong votesCast = new AtomicLong();
    final Core core;

    InMemorySystem(int validators) {
        List<Validator> panel = new ArrayList<>();
        for (int i = 0; i < validators; i++) {
            int index = i;
            panel.add(new ScriptedValidator("v" + i, r -> voteOf(r, index), clock));
        }
        core = Core.wire(new Core.Adapters(Storage.of(storage), queue, escrow, rail, panel, clock,
                () -> new UUID(0x5EED, nextId.incrementAndGet()), new ValidationSettings(3, Duration.ofMinutes(5),
                Duration.ZERO), RetrySchedule.STANDARD, Duration.ofSeconds(5),
                new io.moldtank.domain.agent.WalletAddress("0x" + "9a".repeat(20))));
    }

    private Vote.Kind voteOf(ValidationRequest r, int validator) {
        votesCast.incrementAndGet();
        String text = r.content().files().values().iterator().next();
        List<Vote.Kind> votes = scripts.get(text);
        if (votes != null) {
            return votes.get(Math.min(validator, votes.size() - 1));
        }
        return text.startsWith("fail") ? Vote.Kind.FAIL : text.startsWith("error") ? Vote.Kind.ERROR : Vote.Kind.PASS;
    }

    /** The platform's own payout wallet (x402 mode releases to it). */
    static final WalletAddress PLATFORM = new WalletAddress("0x" + "9a".repeat(20));

    static WalletAddress wallet(int n) {
        return new WalletAddress(String.format("0x%040x", n));
    }

    AgentId register(int n, String endpoint) {
        return core.agents().register(new RegisterAgentCommand(wallet(n),
                new AgentProfile("agent-" + n, "", null, endpoint))).orThrow().id();
    }

    BountyTerms terms(Usdc reward, Duration open, QuorumPolicy quorum) {
        return new BountyTerms("Bounty " + nextId.get(), "Solve it.", reward, clock.instant().plus(open), Set.of("demo"),
                new Acceptance.Rubric("must be correct"), quorum);
    }

    /** Drafts, funds from the poster's wallet and opens a bounty. */
    BountyId openBounty(AgentId poster, int posterWallet, Usdc reward, QuorumPolicy quorum) {
        BountyId id = core.posting().post(new PostBountyCommand(poster, terms(reward, Duration.ofDays(3), quorum)))
                .orThrow().id();
        core.funding().requestDeposit(new RequestDepositCommand(poster, id)).orThrow();
        escrow.mint(wallet(posterWallet), reward);
        String tx = escrow.deposit(id, wallet(posterWallet), reward);
        core.funding().confirmDeposit(new ConfirmDepositCommand(id, tx)).orThrow();
        return id;
    }

    SubmissionContent content(String text) {
        return new SubmissionContent(Map.of("solution.txt", text));
    }

    @Override
    public void close() {
        core.close();
    }
}
