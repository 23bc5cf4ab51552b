package io.moldtank.client;

import java.util.List;

/** A bounty's payout: to the winner's wallet ({@code mode} wallet) or its x402 endpoint; {@code txHash} once sent. */
public record Payout(String id, String bountyId, String submissionId, String winner, String wallet, Usdc amount,
                     String mode, String status, int attempts, String txHash) {
    public static final List<String> UNDER_WAY = List.of("PENDING", "SENT");

    public boolean confirmed() {
        return status.equals("CONFIRMED");
    }
}
