package io.moldtank.ports.service;

import io.moldtank.domain.job.JobAccounts;
import io.moldtank.domain.ledger.Account;
import io.moldtank.domain.ledger.AccountId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.reconciliation.EscrowEntry;
import io.moldtank.ports.in.money.MoneyReportQuery;
import io.moldtank.ports.out.chain.EscrowHistory;
import io.moldtank.ports.out.storage.Books;
import io.moldtank.ports.out.storage.MoneyFigures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts the books, the ledger and the chain's escrow side by side for the operator. The escrow figure is
 * the chain's (deposits minus releases, refunds and withdrawals), so it shows a shortfall the books would
 * hide. {@code history} may be null: then the figure is unknown, not zero.
 */
public final class ReportingMoney implements MoneyReportQuery {
    private static final AccountId CHAIN = KeepingWallets.CHAIN;
    private final MoneyFigures figures;
    private final Books books;
    private final EscrowHistory history;
    private final Clock clock;

    public ReportingMoney(MoneyFigures figures, Books books, EscrowHistory history, Clock clock) {
        this.figures = figures;
        this.books = books;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public MoneyReport report(int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be 1..366");
        }
        Usdc open = figures.openRewards();
        Usdc unpaid = figures.unpaidAwards();
        long treasury = books.account(CHAIN).map(a -> -a.net()).orElse(0L);
        Usdc fees = books.account(JobAccounts.STANDARD.platformFees()).map(Account::available).orElse(Usdc.ZERO);
        return new MoneyReport(escrowHeld(), open, unpaid, open.plus(unpaid), Usdc.ofUnits(Math.max(0, treasury)),
                figures.agentBalances(), fees, perDay(days));
    }

    private Optional<Usdc> escrowHeld() {
        if (history == null) {
            return Optional.empty();
        }
        long held = 0;
        for (EscrowEntry e : history.confirmedEntries()) {
            held += e.kind() == EscrowEntry.Kind.DEPOSIT ? e.amount().units() : -e.amount().units();
        }
        return Optional.of(Usdc.ofUnits(Math.max(0, held)));
    }

    /** Every day of the window, empty ones included, so the chart's axis is the calendar. */
    private List<Day> perDay(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            byDay.put(d, new long[2]);
        }
        for (MoneyFigures.Paid p : figures.paidSince(first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            long[] slot = byDay.get(LocalDate.ofInstant(p.at(), ZoneOffset.UTC));
            if (slot != null) {
                slot[0]++;
                slot[1] += p.amount().units();
            }
        }
        List<Day> out = new ArrayList<>();
        byDay.forEach((d, v) -> out.add(new Day(d, (int) v[0], Usdc.ofUnits(v[1]))));
        return out;
    }
}
