package io.moldtank.domain.reputation;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobAccounts;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobMoneyFlows;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.ledger.AccountId;
import io.moldtank.domain.ledger.Transfer;
import io.moldtank.domain.ledger.TransferCode;
import io.moldtank.domain.ledger.TransferState;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reputation.CountedItem.Kind;
import io.moldtank.domain.reputation.CountedItem.Proof;
import io.moldtank.domain.reputation.Reputation.Exclusion;
import io.moldtank.domain.review.Review;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that turn {@link ReputationFacts} into a {@link Reputation}. Only work whose money moved
 * counts: a COMPLETED job whose release (escrow → seller, with the cut making up the price) is posted in
 * the ledger; a FAILED job whose refund of the whole price is posted; a bounty whose payout is confirmed
 * with a transaction hash; a review by the other party of a job counted as released. Work between two
 * agents of one party ({@link ReputationFacts#sameParty}) never counts: it moved money from one pocket
 * to another.
 */
public final class Reckoning {
    public static final Reckoning STANDARD = new Reckoning(JobAccounts.STANDARD, ReputationScore.STANDARD);

    private final JobAccounts accounts;
    private final ReputationScore score;

    public Reckoning(JobAccounts accounts, ReputationScore score) {
        this.accounts = accounts;
        this.score = score;
    }

    public ReputationScore score() {
        return score;
    }

    /**
     * Whether a job ended by a check of its delivery: the only jobs a success rate is taken over. Today the
     * client's verdict (COMPLETED or FAILED); narrow it here when jobs record how they were checked.
     */
    public static boolean checked(JobFact job) {
        return job.status() == JobStatus.COMPLETED || job.status() == JobStatus.FAILED;
    }

    public Reputation of(ReputationFacts facts) {
        Tally t = new Tally(facts.agent());
        Map<JobId, Released> released = new HashMap<>();
        Set<JobId> seenJobs = new HashSet<>();
        for (JobFact job : facts.jobs()) {
            if (job.parties().includes(facts.agent()) && seenJobs.add(job.id())) {
                countJob(facts, job, t, released);
            }
        }
        countReviews(facts, t, released);
        Set<Object> seenBounties = new HashSet<>();
        for (BountyFact bounty : facts.bounties()) {
            if ((bounty.winner().equals(facts.agent()) || bounty.poster().equals(facts.agent()))
                    && seenBounties.add(bounty.id())) {
                countBounty(facts, bounty, t);
            }
        }
        return t.reputation(score);
    }

    private void countJob(ReputationFacts facts, JobFact job, Tally t, Map<JobId, Released> released) {
        boolean seller = job.parties().seller().equals(facts.agent());
        AgentId other = seller ? job.parties().client() : job.parties().seller();
        if (facts.sameParty(other)) {
            t.exclude(Exclusion.SAME_PARTY);
            return;
        }
        Optional<Transfer> release = job.status() == JobStatus.COMPLETED ? release(job) : Optional.empty();
        Optional<Transfer> refund = job.status() == JobStatus.FAILED ? refund(job) : Optional.empty();
        boolean sellerChecked = seller && checked(job) && (release.isPresent() || refund.isPresent());
        if (sellerChecked) {
            t.checkedJobs++;
            t.checked = t.checked.plus(job.price());
        }
        if (release.isPresent()) {
            Transfer r = release.get();
            released.put(job.id(), new Released(job, other, r));
            if (seller) {
                t.jobsSold++;
                t.earned = t.earned.plus(r.request().amount());
                if (sellerChecked) {
                    t.checkedPassed++;
                    t.succeeded = t.succeeded.plus(job.price());
                }
                t.add(Kind.JOB_SOLD, job.id().value(), job.id().value(), other, r.request().amount(), r, null);
            } else {
                t.jobsBought++;
                t.spent = t.spent.plus(job.price());
                t.add(Kind.JOB_BOUGHT, job.id().value(), job.id().value(), other, job.price(), r, null);
            }
        } else if (refund.isPresent()) {
            Transfer r = refund.get();
            if (seller) {
                t.jobsFailed++;
                t.add(Kind.JOB_REFUNDED_BY_SELLER, job.id().value(), job.id().value(), other, r.request().amount(), r,
                        null);
            } else {
                t.refundsReceived++;
                t.add(Kind.JOB_REFUNDED_TO_CLIENT, job.id().value(), job.id().value(), other, r.request().amount(), r,
                        null);
            }
        } else {
            t.exclude(Exclusion.NO_MONEY_MOVED);
        }
    }

    /** The release to the seller, posted, which with the platform's cut (if any) empties the escrow. */
    private Optional<Transfer> release(JobFact job) {
        Optional<Transfer> release = posted(job, JobMoneyFlows.RELEASE, TransferCode.ESCROW_RELEASE,
                accounts.available(job.parties().seller()));
        Usdc cut = posted(job, JobMoneyFlows.PLATFORM_CUT, TransferCode.PLATFORM_CUT, accounts.platformFees())
                .map(c -> c.request().amount()).orElse(Usdc.ZERO);
        return release.filter(r -> r.request().amount().plus(cut).equals(job.price()));
    }

    /** The refund of the whole price to the client, posted. */
    private Optional<Transfer> refund(JobFact job) {
        return posted(job, JobMoneyFlows.REFUND, TransferCode.ESCROW_REFUND, accounts.available(job.parties().client()))
                .filter(r -> r.request().amount().equals(job.price()));
    }

    private Optional<Transfer> posted(JobFact job, String step, TransferCode code, AccountId credit) {
        var id = JobMoneyFlows.transferOf(job.id(), step);
        AccountId escrow = accounts.escrow(job.id());
        return job.transfers().stream()
                .filter(x -> x.id().equals(id) && x.state() == TransferState.POSTED && x.request().code() == code
                        && x.request().debit().equals(escrow) && x.request().credit().equals(credit)
                        && !x.request().amount().isZero())
                .findFirst();
    }

    private static void countReviews(ReputationFacts facts, Tally t, Map<JobId, Released> released) {
        Set<List<Object>> once = new HashSet<>();
        List<Review> oldestFirst = facts.reviews().stream()
                .sorted(Comparator.comparing(Review::at).thenComparing(Review::id)).toList();
        for (Review review : oldestFirst) {
            if (!review.subject().equals(facts.agent())) {
                continue; // about someone else: not this agent's fact at all
            }
            Released job = released.get(review.jobId());
            boolean counts = job != null && review.reviewer().equals(job.other()) && once.add(List.of(review.jobId(), review.reviewer()));
            if (!counts) {
                t.exclude(Exclusion.REVIEW_NOT_COUNTED);
                continue;
            }
            t.ratings.add(new ReputationScore.Weighted(review.rating(), job.fact().price()));
            t.add(Kind.REVIEW, review.id(), review.jobId().value(), review.reviewer(), job.fact().price(),
                    Proof.ledger(job.release().id().value()), review.at(), review.rating());
        }
    }

    private static void countBounty(ReputationFacts facts, BountyFact bounty, Tally t) {
        boolean won = bounty.winner().equals(facts.agent());
        AgentId other = won ? bounty.poster() : bounty.winner();
        if (bounty.poster().equals(bounty.winner()) || facts.sameParty(other)) {
            t.exclude(Exclusion.SAME_PARTY);
            return;
        }
        if (bounty.payout() != PayoutStatus.CONFIRMED || bounty.txHash() == null || bounty.txHash().isBlank()
                || bounty.amount().isZero()) {
            t.exclude(Exclusion.NO_MONEY_MOVED);
            return;
        }
        if (won) {
            t.bountiesWon++;
            t.earned = t.earned.plus(bounty.amount());
        } else {
            t.bountiesPaid++;
            t.spent = t.spent.plus(bounty.amount());
        }
        t.add(won ? Kind.BOUNTY_WON : Kind.BOUNTY_PAID, bounty.id().value(), bounty.id().value(), other,
                bounty.amount(), Proof.chain(bounty.txHash()), bounty.paidAt(), null);
    }

    private record Released(JobFact fact, AgentId other, Transfer release) {
    }

    /** The running counts of one reckoning. */
    private static final class Tally {
        final AgentId agent;
        final List<CountedItem> items = new ArrayList<>();
        final List<ReputationScore.Weighted> ratings = new ArrayList<>();
        final Map<Exclusion, Integer> excluded = new EnumMap<>(Exclusion.class);
        int jobsSold;
        int jobsFailed;
        int jobsBought;
        int refundsReceived;
        int checkedJobs;
        int checkedPassed;
        int bountiesWon;
        int bountiesPaid;
        Usdc earned = Usdc.ZERO;
        Usdc spent = Usdc.ZERO;
        Usdc succeeded = Usdc.ZERO;
        Usdc checked = Usdc.ZERO;

        Tally(AgentId agent) {
            this.agent = agent;
        }

        void exclude(Exclusion why) {
            excluded.merge(why, 1, Integer::sum);
        }

        void add(Kind kind, java.util.UUID id, java.util.UUID about, AgentId other, Usdc amount, Transfer proof,
                 Integer rating) {
            add(kind, id, about, other, amount, Proof.ledger(proof.id().value()), proof.recordedAt(), rating);
        }

        void add(Kind kind, java.util.UUID id, java.util.UUID about, AgentId other, Usdc amount, Proof proof,
                 Instant at, Integer rating) {
            items.add(new CountedItem(kind, id, about, other, amount, proof, at, rating));
        }

        Reputation reputation(ReputationScore policy) {
            items.sort(Comparator.comparing(CountedItem::at).thenComparing(CountedItem::kind)
                    .thenComparing(CountedItem::id));
            long ratingSum = ratings.stream().mapToLong(ReputationScore.Weighted::rating).sum();
            Optional<Instant> first = items.stream().map(CountedItem::at).min(Comparator.naturalOrder());
            Optional<Instant> last = items.stream().map(CountedItem::at).max(Comparator.naturalOrder());
            return new Reputation(agent, jobsSold, jobsFailed, jobsBought, refundsReceived, checkedJobs, checkedPassed,
                    earned, spent, bountiesWon,
                    bountiesPaid, ratings.size(), ratingSum, first, last, policy.of(ratings, succeeded, checked),
                    excluded, items);
        }
    }
}
