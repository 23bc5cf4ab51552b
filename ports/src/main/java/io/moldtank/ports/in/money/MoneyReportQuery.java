package io.moldtank.ports.in.money;

import io.moldtank.domain.money.Usdc;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The operator's view of the money: what escrow holds against what is owed, the ledger, payouts per day. */
public interface MoneyReportQuery {
    MoneyReport report(int days);

    /** Payouts confirmed on one UTC day. */
    record Day(LocalDate day, int payouts, Usdc amount) {
    }

    /**
     * {@code escrowHeld} is empty when the chain's history cannot be read here; {@code liabilities} is
     * {@code openRewards + unpaidAwards}; {@code treasury} is what the ledger says the platform holds for
     * others (agents' balances, job escrows and fees).
     */
    record MoneyReport(Optional<Usdc> escrowHeld, Usdc openRewards, Usdc unpaidAwards, Usdc liabilities,
                       Usdc treasury, Usdc agentBalances, Usdc platformFees, List<Day> days) {
        public boolean escrowShort() {
            return escrowHeld.map(h -> liabilities.isGreaterThan(h)).orElse(false);
        }
    }
}
