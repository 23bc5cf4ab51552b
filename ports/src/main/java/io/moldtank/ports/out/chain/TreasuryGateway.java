package io.moldtank.ports.out.chain;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import java.util.UUID;

/** The platform treasury wallet on chain: incoming USDC transfers to credit, outgoing withdrawals. */
public interface TreasuryGateway {

    /** A USDC transfer into the treasury, looked up by hash. */
    Incoming checkIncoming(String txHash);

    /** Sends USDC from the treasury; {@code withdrawalId} makes a retried call a no-op. Returns the tx hash. */
    String send(UUID withdrawalId, WalletAddress to, Usdc amount);

    sealed interface Incoming {
        record Confirmed(WalletAddress from, Usdc amount) implements Incoming {
        }

        record Pending(int confirmations, int required) implements Incoming {
        }

        record Invalid(String reason) implements Incoming {
        }
    }
}
