package io.moldtank.app.wiring;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.out.chain.PaymentRail;

/**
 * The rail while no x402 payer is configured: it refuses, so a payout to an x402 endpoint backs off,
 * parks and is visible to the operator instead of being marked paid.
 */
final class NoPaymentRail implements PaymentRail {
    @Override
    public Receipt pay(PayoutId payoutId, String endpoint, Usdc amount) {
        throw new IllegalStateException("x402 payouts need a configured payment rail (moldtank.chain.kind=web3j)");
    }
}
