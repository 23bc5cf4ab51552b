package io.moldtank.domain.reputation;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobAccounts;
import io.moldtank.domain.job.JobEvent;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobMoneyFlows;
import io.moldtank.domain.job.JobParties;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.job.Verdict;
import io.moldtank.domain.ledger.AccountId;
import io.moldtank.domain.ledger.AccountKind;
import io.moldtank.domain.ledger.Ledger;
import io.moldtank.domain.ledger.Transfer;
import io.moldtank.domain.ledger.TransferCode;
import io.moldtank.domain.ledger.TransferId;
import io.moldtank.domain.ledger.TransferRequest;
import io.moldtank.domain.money.BasisPoints;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.review.Review;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A small market run through the real aggregates: jobs move through {@link Job}, their money through
 * {@link JobMoneyFlows} into a real {@link Ledger}, reviews through {@link Review#of}. Facts are read back
 * the way a storage adapter would: every job with the transfers recorded under its named ids.
 */
final class Market {
    static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    static final FeeSchedule FEES = new FeeSchedule("standard", BasisPoints.of(250), Usdc.parse("0.05"),
            Usdc.parse("0.10"));
    private static final List<String> STEPS = List.of(JobMoneyFlows.FUND, JobMoneyFlows.STORAGE_FEE,
            JobMoneyFlows.VERIFICATION_FEE, JobMoneyFlows.RELEASE, JobMoneyFlows.PLATFORM_CUT, JobMoneyFlows.REFUND);

    final Ledger ledger = new Ledger();
    final JobMoneyFlows flows = new JobMoneyFlows(JobAccounts.STANDARD);
    final List<Job> jobs = new ArrayList<>();
    final List<Review> reviews = new ArrayList<>();
    final List<BountyFact> bounties = new ArrayList<>();
    final Map<AgentId, PartyMarks> marks = new HashMap<>();
    private final AccountId outside = AccountId.named("outside");
    private Instant now = T0;
    private int ids;

    Market() {
        ledger.open(outside, AccountKind.EXTERNAL, T0);
        ledger.open(JobAccounts.STANDARD.platformFees(), AccountKind.PLATFORM_FEES, T0);
    }

    static AgentId agent(int n) {
        return new AgentId(new UUID(0xa9e, n));
    }

    /** An agent holding plenty, with its own signing key unless {@code key} names a shared one. */
    AgentId agent(int n, String key) {
        AgentId a = agent(n);
        marks.put(a, new PartyMarks(key, null));
        ledger.open(JobAccounts.STANDARD.available(a), AccountKind.AGENT_AVAILABLE, now);
        ledger.transfer(new TransferRequest(new TransferId(next()), outside, JobAccounts.STANDARD.available(a),
                Usdc.ofWhole(1_000_000), TransferCode.DEPOSIT), now);
        return a;
    }

    /** A job from proposal to {@code end} (PROPOSED … COMPLETED, FAILED or CANCELLED), money settled at each step. */
    Job job(AgentId client, AgentId seller, Usdc price, JobStatus end) {
        now = now.plusSeconds(60);
        Job job = Job.propose(new JobId(next()), new JobParties(client, seller), price, FEES, now);
        ledger.open(JobAccounts.STANDARD.escrow(job.id()), AccountKind.ESCROW, now);
        if (end == JobStatus.CANCELLED) {
            job.cancel(client, now);
        } else {
            walk(job, end);
        }
        settle(job);
        jobs.add(job);
        return job;
    }

    private void walk(Job job, JobStatus end) {
        List<Runnable> steps = List.of(() -> job.accept(job.parties().seller(), now),
                () -> job.fund(job.parties().client(), now), () -> job.start(job.parties().seller(), now),
                () -> job.deliver(job.parties().seller(), new JobResult("done"), now),
                () -> job.verify(job.parties().client(), end == JobStatus.COMPLETED ? Verdict.PASSED : Verdict.FAILED, now));
        for (Runnable step : steps) {
            if (job.status() == end) {
                return;
            }
            step.run();
        }
    }

    private void settle(Job job) {
        for (var e : job.events().drain()) {
            List<TransferRequest> transfers = flows.transfersFor((JobEvent) e);
            if (!transfers.isEmpty()) {
                ledger.transferAll(transfers, now);
            }
        }
    }

    /** The party's review of a finished job, through the domain's own checks. */
    Review review(Job job, AgentId reviewer, int rating) {
        now = now.plusSeconds(1);
        Review r = Review.of(next(), job, reviewer, rating, "", now);
        reviews.add(r);
        return r;
    }

    /** A review stored without the domain's checks: what a bug or a forged row would look like. */
    Review forgedReview(Job job, AgentId reviewer, int rating) {
        AgentId subject = reviewer.equals(job.parties().client()) ? job.parties().seller() : job.parties().client();
        Review r = new Review(next(), job.id(), reviewer, subject, rating, "", now.plusSeconds(1));
        reviews.add(r);
        return r;
    }

    BountyFact bounty(AgentId poster, AgentId winner, Usdc amount, PayoutStatus payout) {
        now = now.plusSeconds(60);
        BountyFact b = new BountyFact(new BountyId(next()), poster, winner, amount, payout,
                payout == PayoutStatus.PENDING ? null : "0x" + "ab".repeat(32), now);
        bounties.add(b);
        return b;
    }

    /** Every job as storage would hand it over: its snapshot and whatever the ledger holds under its ids. */
    List<JobFact> jobFacts() {
        return jobs.stream().map(Market::fact).map(this::withTransfers).toList();
    }

    static JobFact fact(Job job) {
        return new JobFact(job.id(), job.parties(), job.status(), job.price(), List.of());
    }

    JobFact withTransfers(JobFact j) {
        List<Transfer> found = STEPS.stream().map(s -> ledger.transfer(JobMoneyFlows.transferOf(j.id(), s)))
                .flatMap(Optional::stream).toList();
        return new JobFact(j.id(), j.parties(), j.status(), j.price(), found);
    }

    ReputationFacts factsOf(AgentId agent) {
        return new ReputationFacts(agent, jobFacts(), bounties, reviews, marks);
    }

    private UUID next() {
        return new UUID(0x1d5, ++ids);
    }
}
