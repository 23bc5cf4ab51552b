package io.moldtank.client;

import java.util.List;

/**
 * Funding a bounty: the transactions to sign and send from the poster's wallet ({@code transactions}, each
 * to/data/value), or, on a server running the mock chain, the simulated transfer's {@code txHash}.
 */
public record Deposit(String bountyId, Usdc amount, List<Transaction> transactions, String txHash) {
    public record Transaction(String to, String data, String value, String description) {
    }
}
