package io.moldtank.ports.in.wallet;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;

/**
 * {@code txHash} is lower-cased: the credit is recorded once per hash, and "0xAB…" and "0xab…" name the
 * same transaction on chain, so a differently cased hash must not credit it a second time.
 */
public record CreditDepositCommand(AgentId agent, String txHash) {
    public CreditDepositCommand {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(txHash, "txHash");
        txHash = txHash.toLowerCase(java.util.Locale.ROOT);
    }
}
