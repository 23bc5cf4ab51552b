package io.moldtank.ports.service;

import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reconciliation.Difference;
import io.moldtank.domain.reconciliation.Repair;
import io.moldtank.ports.in.Outcome;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Applies a reconciliation repair through the domain's own transitions, on the state read inside the
 * transaction (the comparison read it earlier: a worker or a client may have done it since, which
 * makes the repair a no-op). A transition the domain refuses becomes a difference for an operator.
 */
final class ReconciliationRepairs {
    private final Storage storage;
    private final BountyStore bounties;
    private final Clock clock;

    ReconciliationRepairs(Storage storage, Clock clock) {
        this.storage = storage;
        this.bounties = storage.bounties();
        this.clock = clock;
    }

    /** Empty when the books now say what the chain did; else why not. */
    Optional<Difference> apply(Repair repair) {
        Outcome<Boolean> outcome = Retrying.inTransaction(storage.tx(), () -> storage.loadBounty()
                .loadBounty(repair.bountyId())
                .map(b -> Outcome.done(switch (repair) {
                    case Repair.OpenBounty open -> open(b, open);
                    case Repair.MarkPaid paid -> paid(b, paid);
                    case Repair.MarkRefunded refunded -> refunded(b);
                }))
                .orElseGet(() -> Outcome.notFound("bounty", repair.bountyId())));
        return switch (outcome) {
            case Outcome.Done<Boolean> d -> Optional.empty();
            case Outcome.NotFound<Boolean> n -> Optional.of(refused(repair, "the bounty is gone"));
            case Outcome.Refused<Boolean> r -> Optional.of(refused(repair, r.detail()));
        };
    }

    private boolean open(Bounty b, Repair.OpenBounty open) {
        if (b.status() == BountyStatus.DRAFT) {
            b.requestDeposit(b.poster(), clock.instant());
        }
        if (b.status() != BountyStatus.AWAITING_DEPOSIT) {
            return false; // opened since the comparison read it
        }
        b.confirmDeposit(open.amount(), open.txHash(), clock.instant());
        bounties.store(b);
        return true;
    }

    private boolean paid(Bounty b, Repair.MarkPaid paid) {
        Payout p = storage.payouts().payout(paid.payoutId()).orElseThrow();
        if (p.status() == PayoutStatus.CONFIRMED) {
            return false;
        }
        Payout confirmed = p.confirmed(paid.txHash(), null, clock.instant());
        storage.payouts().savePayout(confirmed);
        storage.events().publish(List.of(confirmed.event("release found on chain by reconciliation", clock.instant())));
        b.markPaid(paid.txHash(), clock.instant());
        bounties.store(b);
        return true;
    }

    private boolean refunded(Bounty b) {
        if (b.status() == BountyStatus.REFUNDED) {
            return false;
        }
        b.refund(b.poster(), clock.instant());
        bounties.store(b);
        return true;
    }

    private static Difference refused(Repair r, String why) {
        return new Difference(Difference.Kind.REPAIR_REFUSED, r.bountyId(), r.txHash(),
                r.getClass().getSimpleName() + " not applied: " + why);
    }
}
