package io.moldtank.ports.out.chain;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import java.util.Optional;
import java.util.UUID;

/** The platform treasury wallet on chain: incoming USDC transfers to credit, outgoing withdrawals. */
public interface TreasuryGateway {

    /** A USDC transfer into the treasury, looked up by hash. */
    Incoming checkIncoming(String txHash);

    /** Sends USDC from the treasury; {@code withdrawalId} makes a retried call a no-op. Returns the tx hash. */
    String send(UUID withdrawalId, WalletAddress to, Usdc amount);

    /**
     * A wallet the platform may send from for any agent: only a simulated chain (the embedded
     * default's mock) has one, so agents can fund their balance over HTTP without a real wallet; a
     * real chain answers empty, always.
     */
    default Optional<SimulatedTransfer> simulatedWallet() {
        return Optional.empty();
    }

    /** Sends {@code amount} of test USDC from {@code from} to the treasury; returns the transfer's hash. */
    @FunctionalInterface
    interface SimulatedTransfer {
        String transfer(WalletAddress from, Usdc amount);
    }

    sealed interface Incoming {
        record Confirmed(WalletAddress from, Usdc amount) implements Incoming {
        }

        record Pending(int confirmations, int required) implements Incoming {
        }

        record Invalid(String reason) implements Incoming {
        }
    }
}
