package io.moldtank.domain.reconciliation;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reconciliation.BookEntry.PayoutBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chain is the source of truth for money. Compares one bounty's escrow movements on chain with
 * its books and says what to repair (only records of what already happened on chain: never a
 * payment) and what to show an operator. Pure: the caller reads both sides and applies the result.
 */
public final class EscrowReconciliation {

    private EscrowReconciliation() {
    }

    public record Outcome(List<Repair> repairs, List<Difference> differences) {
        public Outcome {
            repairs = List.copyOf(repairs);
            differences = List.copyOf(differences);
        }

        public boolean agrees() {
            return repairs.isEmpty() && differences.isEmpty();
        }
    }

    public static Outcome compare(BountyId id, Optional<BookEntry> book, List<EscrowEntry> chain) {
        for (EscrowEntry e : chain) {
            if (!e.bountyId().equals(id)) {
                throw new IllegalArgumentException("entry " + e.txHash() + " is for bounty " + e.bountyId() + ", not " + id);
            }
        }
        var repairs = new ArrayList<Repair>();
        var differences = new ArrayList<Difference>();
        if (book.isEmpty()) {
            for (EscrowEntry e : chain) {
                differences.add(new Difference(e.kind() == EscrowEntry.Kind.DEPOSIT ? Difference.Kind.DEPOSIT_FOR_UNKNOWN_BOUNTY
                        : e.kind() == EscrowEntry.Kind.EMERGENCY_WITHDRAWAL ? Difference.Kind.EMERGENCY_WITHDRAWAL
                        : e.kind() == EscrowEntry.Kind.RELEASE ? Difference.Kind.RELEASE_MISMATCH : Difference.Kind.REFUND_MISMATCH,
                        id, e.txHash(), e.kind() + " of " + e.amount() + " (" + e.party().hex()
                        + ") for a bounty the books do not have"));
            }
            return new Outcome(repairs, differences);
        }
        BookEntry b = book.get();
        for (EscrowEntry e : only(chain, EscrowEntry.Kind.EMERGENCY_WITHDRAWAL)) {
            differences.add(new Difference(Difference.Kind.EMERGENCY_WITHDRAWAL, id, e.txHash(),
                    e.amount() + " withdrawn to " + e.party().hex() + " by the multisig"));
        }
        deposit(b, only(chain, EscrowEntry.Kind.DEPOSIT), repairs, differences);
        release(b, only(chain, EscrowEntry.Kind.RELEASE), repairs, differences);
        refund(b, only(chain, EscrowEntry.Kind.REFUND), repairs, differences);
        return new Outcome(repairs, differences);
    }

    private static void deposit(BookEntry b, List<EscrowEntry> deposits, List<Repair> repairs, List<Difference> out) {
        if (deposits.isEmpty()) {
            if (b.depositTx() != null) {
                out.add(new Difference(Difference.Kind.DEPOSIT_NOT_ON_CHAIN, b.bountyId(), "",
                        "the books record deposit " + b.depositTx() + "; the escrow has no deposit for this bounty"));
            }
            return;
        }
        for (EscrowEntry extra : deposits.subList(1, deposits.size())) {
            out.add(new Difference(Difference.Kind.DEPOSIT_MISMATCH, b.bountyId(), extra.txHash(), "a second deposit"));
        }
        EscrowEntry d = deposits.get(0);
        if (b.depositTx() != null) {
            if (!b.depositTx().equalsIgnoreCase(d.txHash())) {
                out.add(new Difference(Difference.Kind.DEPOSIT_MISMATCH, b.bountyId(), d.txHash(),
                        "the books record deposit " + b.depositTx() + ", the chain has " + d.txHash()));
            } else if (!d.amount().equals(b.reward())) {
                out.add(new Difference(Difference.Kind.DEPOSIT_MISMATCH, b.bountyId(), d.txHash(),
                        "deposit of " + d.amount() + " for a reward of " + b.reward()));
            }
            return;
        }
        if (b.status() != BountyStatus.DRAFT && b.status() != BountyStatus.AWAITING_DEPOSIT) {
            out.add(new Difference(Difference.Kind.DEPOSIT_NOT_IN_BOOKS, b.bountyId(), d.txHash(),
                    "deposit of " + d.amount() + " from " + d.party().hex() + " for a bounty that is " + b.status()));
        } else if (!d.amount().equals(b.reward())) {
            out.add(new Difference(Difference.Kind.DEPOSIT_MISMATCH, b.bountyId(), d.txHash(),
                    "deposit of " + d.amount() + " for a reward of " + b.reward()));
        } else if (b.status() == BountyStatus.DRAFT && !d.party().equals(b.posterWallet())) {
            // a draft never asked for a deposit: only its poster's own one can be a lost AWAITING_DEPOSIT write;
            // anyone else paying a draft's id must not open a bounty its poster has not published
            out.add(new Difference(Difference.Kind.DEPOSIT_MISMATCH, b.bountyId(), d.txHash(),
                    "deposit from " + d.party().hex() + " for a draft of poster " + b.posterWallet().hex()));
        } else {
            repairs.add(new Repair.OpenBounty(b.bountyId(), d.txHash(), d.amount()));
        }
    }

    private static void release(BookEntry b, List<EscrowEntry> releases, List<Repair> repairs, List<Difference> out) {
        if (releases.isEmpty()) {
            boolean paidInBooks = b.status() == BountyStatus.PAID
                    || b.payout().map(p -> p.status() == PayoutStatus.CONFIRMED).orElse(false);
            if (paidInBooks) {
                out.add(new Difference(Difference.Kind.PAID_NOT_ON_CHAIN, b.bountyId(), "",
                        "the books count the payout as paid (" + b.payout().map(PayoutBook::txHash).orElse("no payout row")
                                + "); the escrow has no release for this bounty"));
            }
            return;
        }
        for (EscrowEntry extra : releases.subList(1, releases.size())) {
            out.add(new Difference(Difference.Kind.RELEASE_MISMATCH, b.bountyId(), extra.txHash(), "a second release"));
        }
        EscrowEntry r = releases.get(0);
        if (b.payout().isEmpty()) {
            out.add(new Difference(Difference.Kind.RELEASE_MISMATCH, b.bountyId(), r.txHash(), "released " + r.amount()
                    + " to " + r.party().hex() + " but the books have no payout for a bounty that is " + b.status()));
            return;
        }
        PayoutBook p = b.payout().get();
        if (!r.party().equals(p.wallet()) || !r.amount().equals(p.amount())) {
            out.add(new Difference(Difference.Kind.RELEASE_MISMATCH, b.bountyId(), r.txHash(), "released " + r.amount()
                    + " to " + r.party().hex() + "; the payout is " + p.amount() + " to " + p.wallet().hex()));
        } else if (p.status() == PayoutStatus.CONFIRMED) {
            if (p.txHash() != null && !p.txHash().equalsIgnoreCase(r.txHash())) {
                out.add(new Difference(Difference.Kind.RELEASE_MISMATCH, b.bountyId(), r.txHash(),
                        "the books record release " + p.txHash() + ", the chain has " + r.txHash()));
            }
        } else if (!p.viaEndpoint()) {
            repairs.add(new Repair.MarkPaid(b.bountyId(), p.id(), r.txHash()));
        } else if (p.status() == PayoutStatus.PARKED) {
            out.add(new Difference(Difference.Kind.RELEASE_AWAITS_X402, b.bountyId(), r.txHash(),
                    "released to the payout wallet; the winner's x402 payment is parked: retry payout " + p.id().value()));
        }
        // an x402 payout still PENDING or SENT is the payout worker's: it adopts the release and pays the endpoint
    }

    private static void refund(BookEntry b, List<EscrowEntry> refunds, List<Repair> repairs, List<Difference> out) {
        if (refunds.isEmpty()) {
            return;
        }
        EscrowEntry f = refunds.get(0);
        switch (b.status()) {
            case REFUNDED -> {
            }
            case OPEN, EXPIRED, CANCELLED -> repairs.add(new Repair.MarkRefunded(b.bountyId(), f.txHash()));
            default -> out.add(new Difference(Difference.Kind.REFUND_MISMATCH, b.bountyId(), f.txHash(),
                    "refunded " + f.amount() + " to " + f.party().hex() + " for a bounty that is " + b.status()));
        }
    }

    private static List<EscrowEntry> only(List<EscrowEntry> chain, EscrowEntry.Kind kind) {
        return chain.stream().filter(e -> e.kind() == kind).toList();
    }
}
