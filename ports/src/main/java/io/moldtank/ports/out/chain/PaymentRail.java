package io.moldtank.ports.out.chain;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;

/** Pays a winner's x402 endpoint from the platform's payout wallet and returns the settlement receipt. */
public interface PaymentRail {

    Receipt pay(PayoutId payoutId, String endpoint, Usdc amount);

    record Receipt(String txHash, String payer, String raw) {
    }
}
