package io.moldtank.ports.memory;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.out.chain.PaymentRail;
import java.util.ArrayList;
import java.util.List;

/** A payment rail that records what it was asked to pay and answers with a synthetic receipt. */
public final class RecordingPaymentRail implements PaymentRail {
    public record Payment(PayoutId payoutId, String endpoint, Usdc amount) {
    }

    private final List<Payment> payments = new ArrayList<>();

    @Override
    public synchronized Receipt pay(PayoutId payoutId, String endpoint, Usdc amount) {
        payments.add(new Payment(payoutId, endpoint, amount));
        String tx = String.format("0x%064x", payments.size());
        return new Receipt(tx, "platform", "{\"success\":true,\"transaction\":\"" + tx + "\"}");
    }

    public synchronized List<Payment> payments() {
        return List.copyOf(payments);
    }
}
