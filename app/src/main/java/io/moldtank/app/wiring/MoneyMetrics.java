package io.moldtank.app.wiring;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.EscrowHistory;
import io.moldtank.ports.out.storage.MoneyFigures;

/**
 * {@code moldtank_escrow_held_usdc} (what the escrow contract holds, from the chain's confirmed entries)
 * and {@code moldtank_liabilities_usdc} (open rewards + awarded, unpaid) for the alert on escrow below
 * what the platform owes. Read at scrape time; without a chain history the escrow gauge is not exported.
 */
final class MoneyMetrics {
    private MoneyMetrics() {
    }

    static void register(MoneyFigures figures, EscrowHistory history) {
        MeterRegistry registry = Metrics.globalRegistry();
        registry.getOrCreate(Gauge.builder("moldtank.liabilities.usdc",
                        () -> safely(() -> usdc(figures.openRewards().plus(figures.unpaidAwards()))))
                .description("rewards the platform owes: open bounties plus awarded, unpaid ones (USDC)"));
        if (history != null) {
            registry.getOrCreate(Gauge.builder("moldtank.escrow.held.usdc", () -> safely(() -> {
                long held = 0;
                for (var e : history.confirmedEntries()) {
                    held += e.kind() == io.moldtank.domain.reconciliation.EscrowEntry.Kind.DEPOSIT
                            ? e.amount().units() : -e.amount().units();
                }
                return usdc(Usdc.ofUnits(Math.max(0, held)));
            })).description("USDC the escrow contract holds, from the chain's confirmed entries"));
        }
    }

    /** A scrape must not fail because the database or the chain node is away: NaN says "unknown". */
    private static double safely(java.util.function.DoubleSupplier read) {
        try {
            return read.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double usdc(Usdc u) {
        return u.units() / 1_000_000.0;
    }
}
