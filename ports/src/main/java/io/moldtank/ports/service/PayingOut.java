package io.moldtank.ports.service;

import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.payout.RetrySchedule;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.payout.ListParkedPayoutsQuery;
import io.moldtank.ports.in.payout.ProcessPayoutsUseCase;
import io.moldtank.ports.in.payout.ResolvePayoutCommand;
import io.moldtank.ports.in.payout.ResolvePayoutUseCase;
import io.moldtank.ports.in.payout.RetryPayoutUseCase;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.EscrowGateway.ReleaseOnChain;
import io.moldtank.ports.out.chain.PaymentRail;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Drains the payout outbox. Every step asks the chain first, so a crash between "sent" and
 * "recorded" never releases twice: a release already on chain is adopted, not repeated.
 */
public final class PayingOut implements ProcessPayoutsUseCase, RetryPayoutUseCase, ResolvePayoutUseCase,
        ListParkedPayoutsQuery {
    private final Storage storage;
    private final BountyStore bounties;
    private final EscrowGateway escrow;
    private final PaymentRail rail;
    private final RetrySchedule schedule;
    private final Clock clock;

    public PayingOut(Storage storage, EscrowGateway escrow, PaymentRail rail, RetrySchedule schedule, Clock clock) {
        this.storage = storage;
        this.bounties = storage.bounties();
        this.escrow = escrow;
        this.rail = rail;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public int processDue(int limit) {
        List<Payout> workable = storage.payouts().workable(clock.instant(), limit);
        for (Payout p : workable) {
            step(p);
        }
        return workable.size();
    }

    private void step(Payout p) {
        Payout next;
        try {
            Optional<ReleaseOnChain> onChain = escrow.findRelease(p.bountyId());
            next = switch (p.status()) {
                case PENDING -> onChain.map(r -> p.sent(r.txHash(), clock.instant()))
                        .orElseGet(() -> p.sent(escrow.release(p.id(), p.bountyId(), p.wallet(), p.amount()),
                                clock.instant()));
                case SENT -> onChain.isEmpty()
                        ? p.failed("release " + p.txHash() + " not found on chain", schedule, clock.instant())
                        : onChain.get().confirmed() ? settle(p, onChain.get()) : p;
                case CONFIRMED, PARKED -> p;
            };
        } catch (RuntimeException e) {
            next = p.failed(e.toString(), schedule, clock.instant());
        }
        if (next != p) {
            record(next);
        }
    }

    /** Direct mode ends with the release; x402 mode then pays the winner's endpoint from the payout wallet. */
    private Payout settle(Payout p, ReleaseOnChain release) {
        String receipt = p.endpoint() == null ? null : rail.pay(p.id(), p.endpoint(), p.amount()).raw();
        return p.confirmed(release.txHash(), receipt, clock.instant());
    }

    private void record(Payout next) {
        Retrying.inTransaction(storage.tx(), () -> {
            persist(next);
            return Outcome.done(next);
        }).orThrow();
    }

    /** Saves the payout and its event; a confirmed payout marks its bounty paid. Call inside a transaction. */
    private void persist(Payout next) {
        storage.payouts().savePayout(next);
        storage.events().publish(List.of(next.event(next.lastError() == null ? "payout " + next.status()
                : next.lastError(), clock.instant())));
        if (next.status() == PayoutStatus.CONFIRMED) {
            Bounty b = storage.loadBounty().loadBounty(next.bountyId()).orElseThrow();
            b.markPaid(next.txHash(), clock.instant());
            bounties.store(b);
        }
    }

    @Override
    public List<Payout> parked(int limit) {
        return storage.payouts().parked(Math.max(0, limit));
    }

    @Override
    public Outcome<Payout> retry(PayoutId id) {
        return Retrying.inTransaction(storage.tx(), () -> storage.payouts().payout(id)
                .<Outcome<Payout>>map(p -> {
                    Payout next = p.retry(clock.instant());
                    storage.payouts().savePayout(next);
                    storage.events().publish(List.of(next.event("operator retry", clock.instant())));
                    return Outcome.done(next);
                })
                .orElseGet(() -> Outcome.notFound("payout", id)));
    }

    /** Loads and decides in one transaction, so a racing retry or worker makes this reload, not fail. */
    @Override
    public Outcome<Payout> markResolved(ResolvePayoutCommand c) {
        return Retrying.inTransaction(storage.tx(), () -> storage.payouts().payout(c.payoutId())
                .<Outcome<Payout>>map(p -> {
                    Payout resolved = p.resolvedByOperator(c.txHash(), c.operator(), clock.instant());
                    persist(resolved);
                    return Outcome.done(resolved);
                })
                .orElseGet(() -> Outcome.notFound("payout", c.payoutId())));
    }
}
